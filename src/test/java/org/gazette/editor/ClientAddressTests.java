package org.gazette.editor;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whose address a sign-in comes from: the request's client address (which the server
 * sets from a trusted proxy's forwarded headers) in its canonical spelling.
 */
class ClientAddressTests {

    @Test
    void isTheRequestsAddressInItsCanonicalSpelling() {
        assertThat(ClientAddress.of(request("198.51.100.9", null))).isEqualTo("198.51.100.9");
        assertThat(ClientAddress.of(request("0:0:0:0:0:0:0:1", null))).isEqualTo("::1");
        assertThat(ClientAddress.of(request("2001:DB8:0:0:0:0:0:5", null))).isEqualTo("2001:db8::5");
        assertThat(ClientAddress.of(request("::ffff:192.0.2.4", null))).isEqualTo("192.0.2.4");
    }

    @Test
    void neverReadsForwardedHeadersItself() {
        assertThat(ClientAddress.of(request("10.0.0.5", "203.0.113.1"))).isEqualTo("10.0.0.5");
        assertThat(ClientAddress.of(request("198.51.100.9", "192.0.2.77, 203.0.113.1"))).isEqualTo("198.51.100.9");
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
