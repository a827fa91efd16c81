package org.gazette.web;

import org.gazette.ClientAddresses.AddressRange;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;

/**
 * Behind a reverse proxy: {@code X-Forwarded-For} and {@code X-Forwarded-Proto} are
 * believed only when the connection comes from one of
 * {@code gazette.security.trusted-proxies} (addresses or CIDR ranges, parsed at start-up:
 * a value that is neither stops it), so the client address, the scheme (HTTPS, secure
 * cookies, HSTS) and redirects are right behind the proxy and cannot be spoofed by
 * anyone else. {@link TrustedProxyValve} does it for every request, proxy or not, so
 * that every client address is in its canonical spelling.
 */
@Configuration(proxyBeanMethods = false)
class ForwardedHeadersConfiguration {

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> trustedProxies(SecurityProperties properties) {
        return (factory) -> factory.addEngineValves(new TrustedProxyValve(properties.trustedProxies()));
    }

    @Bean
    @ConfigurationPropertiesBinding
    static AddressRangeConverter addressRangeConverter() {
        return new AddressRangeConverter();
    }

    /** Binds an address or CIDR range, refusing anything else with a message that names it. */
    static final class AddressRangeConverter implements Converter<String, AddressRange> {

        @Override
        public AddressRange convert(String source) {
            return AddressRange.parse(source);
        }

    }

}
