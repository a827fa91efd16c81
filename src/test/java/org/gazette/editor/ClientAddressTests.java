package org.gazette.editor;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** Whose address a sign-in comes from: forwarded headers count only from trusted proxies. */
class ClientAddressTests {

    private final ClientAddress clients = new ClientAddress(List.of("10.0.0.5"));

    @Test
    void isTheConnectionsAddressWithoutAProxy() {
        assertThat(this.clients.of(request("198.51.100.9", "203.0.113.1"))).isEqualTo("198.51.100.9");
    }

    @Test
    void isTheNearestUntrustedForwardedAddressBehindATrustedProxy() {
        assertThat(this.clients.of(request("10.0.0.5", "192.0.2.77, 203.0.113.1"))).isEqualTo("203.0.113.1");
        assertThat(this.clients.of(request("10.0.0.5", "203.0.113.1, 10.0.0.5"))).isEqualTo("203.0.113.1");
    }

    @Test
    void ignoresAMissingOrAbsurdForwardedHeader() {
        assertThat(this.clients.of(request("10.0.0.5", null))).isEqualTo("10.0.0.5");
        assertThat(this.clients.of(request("10.0.0.5", "x".repeat(100)))).isEqualTo("10.0.0.5");
    }

    private static MockHttpServletRequest request(String remote, String forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
        request.setRemoteAddr(remote);
        if (forwardedFor != null) {
            request.addHeader("X-Forwarded-For", forwardedFor);
        }
        return request;
    }

}
