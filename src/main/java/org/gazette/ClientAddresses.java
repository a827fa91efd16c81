package org.gazette;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Client addresses as the limits see them: parsed as addresses (never looked up by
 * name), in one canonical spelling, and grouped so that an IPv6 client, who usually
 * holds a whole /64, counts as one client.
 */
public final class ClientAddresses {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]{1,44}");

    private ClientAddresses() {
    }

    /**
     * The address written as an IP literal, or empty when it is not one (a host name is
     * never resolved: text is handed to {@link InetAddress} only once it is a literal,
     * since a dotted quad out of range such as {@code 999.0.0.1} would be looked up as a
     * name). IPv6 may be bracketed; an IPv4-mapped IPv6 address is its IPv4.
     */
    public static Optional<InetAddress> parse(String literal) {
        if (literal == null) {
            return Optional.empty();
        }
        String text = literal.strip();
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        boolean v4 = IPV4.matcher(text).matches()
                && Stream.of(text.split("\\.")).allMatch((octet) -> Integer.parseInt(octet) <= 255);
        if (!v4 && !(text.indexOf(':') >= 0 && IPV6.matcher(text).matches())) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text));
        }
        catch (UnknownHostException | IllegalArgumentException ex) {
            return Optional.empty();
        }
    }

    /**
     * The client a request comes from: its connection's address, which the server has
     * already replaced by the forwarded client's where a trusted proxy sent it, in its
     * canonical spelling (as it is when it is no address).
     */
    public static String of(HttpServletRequest request) {
        String remote = request.getRemoteAddr();
        return canonical(remote).orElse(remote);
    }

    /** The one spelling of an address ({@code 0:0:0:0:0:0:0:1} and {@code ::1} alike), or empty. */
    public static Optional<String> canonical(String literal) {
        return parse(literal).map(ClientAddresses::format);
    }

    /**
     * The key the limits count a client under: its IPv4 address, or the /64 network of
     * its IPv6 address ({@code 2001:db8:1:2::/64}). Text that is no address is its own key.
     */
    public static String limitKey(String address) {
        Optional<InetAddress> parsed = parse(address);
        if (parsed.isEmpty()) {
            return (address != null) ? address : "";
        }
        InetAddress inet = parsed.get();
        if (inet instanceof Inet6Address) {
            byte[] bytes = inet.getAddress();
            for (int i = 8; i < 16; i++) {
                bytes[i] = 0;
            }
            return format(toAddress(bytes)) + "/64";
        }
        return format(inet);
    }

    /** Whether the address is in one of the ranges. */
    public static boolean isIn(String address, List<AddressRange> ranges) {
        Optional<InetAddress> parsed = parse(address);
        return parsed.isPresent() && ranges.stream().anyMatch((range) -> range.contains(parsed.get()));
    }

    private static InetAddress toAddress(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        }
        catch (UnknownHostException ex) {
            throw new IllegalArgumentException(ex);
        }
    }

    private static String format(InetAddress inet) {
        if (inet instanceof Inet4Address) {
            return inet.getHostAddress();
        }
        return compress(inet.getHostAddress());
    }

    /** RFC 5952's short form of Java's full IPv6 text: the longest run of zero groups becomes {@code ::}. */
    private static String compress(String full) {
        String[] groups = full.split(":");
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < groups.length;) {
            if (!groups[i].equals("0")) {
                i++;
                continue;
            }
            int j = i;
            while (j < groups.length && groups[j].equals("0")) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        if (bestStart < 0) {
            return String.join(":", groups);
        }
        String head = String.join(":", List.of(groups).subList(0, bestStart));
        String tail = String.join(":", List.of(groups).subList(bestStart + bestLength, groups.length));
        return head + "::" + tail;
    }

    /** An address or a CIDR range ({@code 10.0.0.0/8}, {@code fd00::/8}), parsed once. */
    public record AddressRange(byte[] network, int prefixLength) {

        /**
         * Parses an address or a range.
         * @throws IllegalArgumentException it is neither
         */
        public static AddressRange parse(String text) {
            String[] parts = text.strip().split("/", 2);
            InetAddress address = ClientAddresses.parse(parts[0])
                .orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not an IP address or CIDR range"));
            int bits = address.getAddress().length * 8;
            int prefix = bits;
            if (parts.length == 2) {
                try {
                    prefix = Integer.parseInt(parts[1]);
                }
                catch (NumberFormatException ex) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > bits) {
                    throw new IllegalArgumentException("'" + text + "' has no valid prefix length (0 to " + bits + ")");
                }
            }
            return new AddressRange(address.getAddress(), prefix);
        }

        public boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != this.network.length) {
                return false;
            }
            int whole = this.prefixLength / 8;
            for (int i = 0; i < whole; i++) {
                if (candidate[i] != this.network[i]) {
                    return false;
                }
            }
            int rest = this.prefixLength % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (candidate[whole] & mask) == (this.network[whole] & mask);
        }

    }

}
