package org.gazette.web;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat writes to the socket 64 KB at a time instead of 8 KB: the uncompressed 200-comment page (276 KB) is
 * served 54% faster with it (BENCHMARKS.md, "SocketWrites"); every open connection holds the buffer, bounded by
 * {@code server.tomcat.max-connections}.
 */
@Configuration(proxyBeanMethods = false)
class SocketWrites {

    /** Bytes a connection writes to its socket at a time. */
    static final int WRITE_BUFFER = 64 * 1024;

    @Bean
    TomcatConnectorCustomizer largerSocketWrites() {
        return (connector) -> connector.setProperty("socket.appWriteBufSize", Integer.toString(WRITE_BUFFER));
    }

}
