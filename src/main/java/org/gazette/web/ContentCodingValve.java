package org.gazette.web;

import java.io.IOException;
import java.util.Collections;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.tomcat.util.http.MimeHeaders;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Decides once, before anything else reads it, which coding a reader gets
 * ({@link ContentCoding#chosenFor}), and leaves that decision as the request's only
 * {@code Accept-Encoding}: {@code gzip}, or none. The page cache, Spring's resource
 * chain (which takes any header naming gzip, {@code gzip;q=0} too) and Tomcat's own
 * compression (which ignores a preference for the plain page) then agree on every
 * request, and no one compresses what another decided to send plain.
 */
final class ContentCodingValve extends ValveBase {

    private static final String ACCEPT_ENCODING = "accept-encoding";

    ContentCodingValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        MimeHeaders headers = request.getCoyoteRequest().getMimeHeaders();
        if (headers.getHeader(ACCEPT_ENCODING) != null) {
            String acceptEncoding = String.join(",", Collections.list(headers.values(ACCEPT_ENCODING)));
            ContentCoding coding = ContentCoding.chosenFor(acceptEncoding);
            headers.removeHeader(ACCEPT_ENCODING);
            if (coding != ContentCoding.IDENTITY) {
                headers.addValue(ACCEPT_ENCODING).setString(coding.headerValue());
            }
        }
        getNext().invoke(request, response);
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> contentCoding() {
            return (factory) -> factory.addEngineValves(new ContentCodingValve());
        }

    }

}
