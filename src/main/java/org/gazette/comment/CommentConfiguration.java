package org.gazette.comment;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CommentConfiguration {

    @Bean
    CommentRenderer commentRenderer() {
        return new CommentRenderer();
    }

}
