package org.gazette.web;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;

import org.springframework.boot.autoconfigure.context.MessageSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The application's messages, from the bundles {@code spring.messages.*} names, as Spring
 * Boot would set them up, except that threads never wait for each other to format one.
 * <p>
 * Spring keeps a single {@link MessageFormat} per message and locale and formats under
 * its lock, since a format is not thread-safe. Every row of the moderation queue formats
 * the same messages ("Select the comment by …", "3 approved"), so with 16 pages in
 * flight the request threads queued on those locks: Java Flight Recorder counted 2,481
 * waits of 10 ms or more in 15 s of the queue benchmark, the source of its p99. Here each
 * thread formats with its own copy of a message's format, made the first time it needs it
 * and dropped with the original if the bundles are ever read again.
 */
@Configuration(proxyBeanMethods = false)
class MessagesConfiguration {

    @Bean
    @ConfigurationProperties("spring.messages")
    MessageSourceProperties messageSourceProperties() {
        return new MessageSourceProperties();
    }

    @Bean
    MessageSource messageSource(MessageSourceProperties properties) {
        UncontendedMessageSource messages = new UncontendedMessageSource();
        messages.setBasenames(properties.getBasename().toArray(String[]::new));
        if (properties.getEncoding() != null) {
            messages.setDefaultEncoding(properties.getEncoding().name());
        }
        messages.setFallbackToSystemLocale(properties.isFallbackToSystemLocale());
        if (properties.getCacheDuration() != null) {
            messages.setCacheMillis(properties.getCacheDuration().toMillis());
        }
        messages.setAlwaysUseMessageFormat(properties.isAlwaysUseMessageFormat());
        messages.setUseCodeAsDefaultMessage(properties.isUseCodeAsDefaultMessage());
        return messages;
    }

    /** Bundled messages formatted with a format of the calling thread's own. */
    static class UncontendedMessageSource extends ResourceBundleMessageSource {

        private final ThreadLocal<Map<MessageFormat, MessageFormat>> ownFormats = ThreadLocal
            .withInitial(WeakHashMap::new);

        @Override
        protected MessageFormat resolveCode(String code, Locale locale) {
            MessageFormat shared = super.resolveCode(code, locale);
            if (shared == null) {
                return null;
            }
            return this.ownFormats.get().computeIfAbsent(shared, UncontendedMessageSource::copy);
        }

        private static MessageFormat copy(MessageFormat shared) {
            synchronized (shared) {
                return (MessageFormat) shared.clone();
            }
        }

    }

}
