package org.gazette.web;

import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.catalina.valves.RemoteIpValve;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Behind a reverse proxy: {@code X-Forwarded-For} and {@code X-Forwarded-Proto} are
 * believed only when the connection comes from one of
 * {@code gazette.security.trusted-proxies}, so the client address, the scheme (HTTPS,
 * secure cookies, HSTS) and redirects are right behind the proxy and cannot be spoofed
 * by anyone else. Without trusted proxies, forwarded headers are ignored.
 */
@Configuration(proxyBeanMethods = false)
class ForwardedHeadersConfiguration {

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> trustedProxies(SecurityProperties properties) {
        return (factory) -> {
            if (properties.trustedProxies().isEmpty()) {
                return;
            }
            RemoteIpValve valve = new RemoteIpValve();
            valve.setInternalProxies(properties.trustedProxies()
                .stream()
                .map(Pattern::quote)
                .collect(Collectors.joining("|")));
            valve.setTrustedProxies("");
            valve.setRemoteIpHeader("X-Forwarded-For");
            valve.setProtocolHeader("X-Forwarded-Proto");
            valve.setHostHeader("X-Forwarded-Host");
            valve.setPortHeader("X-Forwarded-Port");
            factory.addEngineValves(valve);
        };
    }

}
