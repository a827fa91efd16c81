package org.gazette.exchange;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.CommandLineRunner;
import org.springframework.scheduling.config.TaskManagementConfigUtils;

/**
 * What a command leaves out of the application it starts: the start-up runners (the
 * built-in articles, the first editor account, whose generated password would land in
 * the command's output, never to be shown again) and the scheduled jobs (clean-ups that
 * the serving nodes run). The command itself is the only work; the schema is still
 * migrated, as any node's start-up does.
 */
class CommandMode implements BeanFactoryPostProcessor {

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) throws BeansException {
        BeanDefinitionRegistry registry = (BeanDefinitionRegistry) beanFactory;
        remove(registry, beanFactory.getBeanNamesForType(ApplicationRunner.class, true, false));
        remove(registry, beanFactory.getBeanNamesForType(CommandLineRunner.class, true, false));
        remove(registry, TaskManagementConfigUtils.SCHEDULED_ANNOTATION_PROCESSOR_BEAN_NAME);
    }

    private static void remove(BeanDefinitionRegistry registry, String... names) {
        for (String name : names) {
            if (registry.containsBeanDefinition(name)) {
                registry.removeBeanDefinition(name);
            }
        }
    }

}
