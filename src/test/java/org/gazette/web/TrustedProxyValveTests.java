package org.gazette.web;

import java.util.List;

import org.gazette.ClientAddresses.AddressRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How the trusted-proxy valve reads {@code X-Forwarded-For} and {@code X-Forwarded-Proto}. */
class TrustedProxyValveTests {

    private static final List<AddressRange> TRUSTED = List.of(AddressRange.parse("10.0.0.0/8"),
            AddressRange.parse("fd00::/8"), AddressRange.parse("::1"));

    @Test
    void isTheConnectionWhenItIsNoTrustedProxy() {
        assertThat(client("198.51.100.9")).isEqualTo("198.51.100.9");
        assertThat(client("0:0:0:0:0:0:0:1")).isEqualTo("::1");
    }

    @Test
    void isTheNearestForwardedAddressThatIsNoTrustedProxy() {
        assertThat(client("10.0.0.5", "192.0.2.77, 203.0.113.1")).isEqualTo("203.0.113.1");
        assertThat(client("10.0.0.5", "203.0.113.1, 10.9.9.9")).isEqualTo("203.0.113.1");
        assertThat(client("10.0.0.5", "192.0.2.77", "203.0.113.1, 10.9.9.9")).isEqualTo("203.0.113.1");
        assertThat(client("0:0:0:0:0:0:0:1", "2001:DB8::1, fd00::2")).isEqualTo("2001:db8::1");
        assertThat(client("10.0.0.5", "[2001:db8::3]")).isEqualTo("2001:db8::3");
    }

    @Test
    void stopsAtAHopThatIsNoAddress() {
        assertThat(client("10.0.0.5", "203.0.113.1, unknown")).isEqualTo("10.0.0.5");
        assertThat(client("10.0.0.5", "unknown, 10.0.0.6")).isEqualTo("10.0.0.6");
        assertThat(client("10.0.0.5", "")).isEqualTo("10.0.0.5");
        assertThat(client("10.0.0.5", "999.1.1.1")).isEqualTo("10.0.0.5");
    }

    @Test
    void readsAHopWrittenWithItsPort() {
        assertThat(client("10.0.0.5", "203.0.113.1:4711")).isEqualTo("203.0.113.1");
        assertThat(client("10.0.0.5", "[2001:db8::3]:4711")).isEqualTo("2001:db8::3");
        assertThat(client("10.0.0.5", "203.0.113.1:x")).isEqualTo("10.0.0.5");
    }

    @Test
    void isTheConnectionWhenNothingWasForwarded() {
        assertThat(client("10.0.0.5")).isEqualTo("10.0.0.5");
    }

    @Test
    void takesHttpsOnlyWhenEveryHopSaysSo() {
        assertThat(TrustedProxyValve.forwardedScheme(List.of("https"))).contains("https");
        assertThat(TrustedProxyValve.forwardedScheme(List.of("HTTPS, https"))).contains("https");
        assertThat(TrustedProxyValve.forwardedScheme(List.of("http, https"))).contains("http");
        assertThat(TrustedProxyValve.forwardedScheme(List.of("https", "nonsense"))).contains("http");
        assertThat(TrustedProxyValve.forwardedScheme(List.of())).isEmpty();
    }

    private static String client(String connection, String... forwardedFor) {
        return TrustedProxyValve.clientAddress(connection, List.of(forwardedFor), TRUSTED);
    }

}
