package org.gazette;

import java.util.List;

import org.gazette.ClientAddresses.AddressRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Client addresses are parsed, spelled one way, and grouped by /64 for IPv6. */
class ClientAddressesTests {

    @Test
    void spellsEveryFormOfAnAddressTheSameWay() {
        assertThat(ClientAddresses.canonical("0:0:0:0:0:0:0:1")).contains("::1");
        assertThat(ClientAddresses.canonical("::1")).contains("::1");
        assertThat(ClientAddresses.canonical("[2001:DB8:0:0:1:0:0:1]")).contains("2001:db8::1:0:0:1");
        assertThat(ClientAddresses.canonical("::ffff:192.0.2.7")).contains("192.0.2.7");
        assertThat(ClientAddresses.canonical(" 198.51.100.9 ")).contains("198.51.100.9");
    }

    @Test
    void neverTakesANameOrGarbageForAnAddress() {
        assertThat(ClientAddresses.canonical("localhost")).isEmpty();
        assertThat(ClientAddresses.canonical("abc")).isEmpty();
        assertThat(ClientAddresses.canonical("1.2.3")).isEmpty();
        assertThat(ClientAddresses.canonical("999.1.1.1")).isEmpty();
        assertThat(ClientAddresses.canonical("2001:db8::g")).isEmpty();
        assertThat(ClientAddresses.canonical(".1:2")).isEmpty();
        assertThat(ClientAddresses.canonical("")).isEmpty();
        assertThat(ClientAddresses.canonical(null)).isEmpty();
    }

    @Test
    void groupsAnIpv6ClientByItsSlash64() {
        assertThat(ClientAddresses.limitKey("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddresses.limitKey("2001:db8:1:2::1")).isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddresses.limitKey("2001:db8:1:3::1")).isEqualTo("2001:db8:1:3::/64");
        assertThat(ClientAddresses.limitKey("203.0.113.5")).isEqualTo("203.0.113.5");
    }

    @Test
    void matchesAddressesAndRanges() {
        List<AddressRange> ranges = List.of(AddressRange.parse("10.0.0.0/8"), AddressRange.parse("::1"),
                AddressRange.parse("fd00::/8"), AddressRange.parse("192.0.2.128/25"));
        assertThat(ClientAddresses.isIn("10.200.3.4", ranges)).isTrue();
        assertThat(ClientAddresses.isIn("0:0:0:0:0:0:0:1", ranges)).isTrue();
        assertThat(ClientAddresses.isIn("fd12:3456::1", ranges)).isTrue();
        assertThat(ClientAddresses.isIn("192.0.2.200", ranges)).isTrue();
        assertThat(ClientAddresses.isIn("192.0.2.100", ranges)).isFalse();
        assertThat(ClientAddresses.isIn("11.0.0.1", ranges)).isFalse();
        assertThat(ClientAddresses.isIn("fe80::1", ranges)).isFalse();
        assertThat(ClientAddresses.isIn("not-an-address", ranges)).isFalse();
    }

    @Test
    void refusesARangeThatIsNoRange() {
        assertThatIllegalArgumentException().isThrownBy(() -> AddressRange.parse("proxy.example"));
        assertThatIllegalArgumentException().isThrownBy(() -> AddressRange.parse("10.0.0.0/33"));
        assertThatIllegalArgumentException().isThrownBy(() -> AddressRange.parse("10.0.0.0/x"));
    }

}
