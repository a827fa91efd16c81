package org.gazette.editor;

import jakarta.servlet.http.HttpServletRequest;
import org.gazette.ClientAddresses;

import org.springframework.core.env.Environment;

/**
 * The address a sign-in comes from, in its canonical spelling. Forwarded headers are
 * the server's business, not this class's: the web server's trusted-proxy valve has
 * already replaced the connection's address by the forwarded client's where a trusted
 * proxy sent it, so nobody can choose their address to slip past the sign-in throttle.
 */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(HttpServletRequest request) {
        return ClientAddresses.of(request);
    }

    /**
     * Kept so that callers holding an instance ({@code clients.of(request)}) still compile;
     * {@link #of(HttpServletRequest)} needs none.
     * @deprecated call {@link #of(HttpServletRequest)}
     */
    @Deprecated(forRemoval = true)
    static ClientAddress from(Environment environment) {
        return new ClientAddress();
    }

}
