package org.gazette.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.gazette.ClientAddresses;
import org.gazette.ClientAddresses.AddressRange;

/**
 * Sets a request's client address and scheme before anything else sees it: the
 * connection's address, in its canonical spelling; and, when the connection comes from
 * a trusted proxy, the nearest address in {@code X-Forwarded-For} that is not itself a
 * trusted proxy, and the scheme of {@code X-Forwarded-Proto}. A hop that is not an IP
 * address ends the walk (the address before it stands), no name is ever looked up, and
 * no other forwarded header ({@code X-Forwarded-Host}, {@code -Port}) is believed. A
 * valve rather than a servlet filter, so that Tomcat itself (the session cookie's
 * Secure flag) sees the scheme; Tomcat's RemoteIpValve takes any text as the client,
 * looks names up to compare them with ranges, and believes the host and port headers.
 */
final class TrustedProxyValve extends ValveBase {

    private static final Pattern HOP_WITH_PORT = Pattern
        .compile("(?:(\\d{1,3}(?:\\.\\d{1,3}){3})|\\[([0-9A-Fa-f:.]+)\\]):\\d{1,5}");

    private final List<AddressRange> trustedProxies;

    TrustedProxyValve(List<AddressRange> trustedProxies) {
        super(true);
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        String remoteAddr = request.getRemoteAddr();
        String remoteHost = request.getRemoteHost();
        String scheme = request.getScheme();
        boolean secure = request.isSecure();
        int serverPort = request.getServerPort();
        boolean fromProxy = !this.trustedProxies.isEmpty() && ClientAddresses.isIn(remoteAddr, this.trustedProxies);
        List<String> forwardedFor = fromProxy ? Collections.list(request.getHeaders("X-Forwarded-For")) : List.of();
        String client = clientAddress(remoteAddr, forwardedFor, this.trustedProxies);
        request.setRemoteAddr(client);
        request.setRemoteHost(client);
        if (fromProxy) {
            forwardedScheme(Collections.list(request.getHeaders("X-Forwarded-Proto")))
                .ifPresent((forwarded) -> setScheme(request, forwarded));
        }
        try {
            getNext().invoke(request, response);
        }
        finally {
            request.setRemoteAddr(remoteAddr);
            request.setRemoteHost(remoteHost);
            request.getCoyoteRequest().scheme().setString(scheme);
            request.setSecure(secure);
            request.setServerPort(serverPort);
        }
    }

    /**
     * The client behind a connection from a trusted proxy: walking {@code X-Forwarded-For}
     * from the nearest hop, each trusted proxy passes the walk on; the first other address
     * is the client. A hop that is no address stops the walk at the last address believed.
     */
    static String clientAddress(String connection, List<String> forwardedFor, List<AddressRange> trustedProxies) {
        String client = ClientAddresses.canonical(connection).orElse(connection);
        List<String> hops = new ArrayList<>();
        forwardedFor.forEach((header) -> hops.addAll(List.of(header.split(",", -1))));
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<String> hop = ClientAddresses.canonical(withoutPort(hops.get(i).strip()));
            if (hop.isEmpty()) {
                break;
            }
            client = hop.get();
            if (!ClientAddresses.isIn(client, trustedProxies)) {
                break;
            }
        }
        return client;
    }

    /** A hop as some load balancers write it, {@code 203.0.113.1:4711} or {@code [2001:db8::1]:4711}, without its port. */
    static String withoutPort(String hop) {
        Matcher matcher = HOP_WITH_PORT.matcher(hop);
        return matcher.matches() ? ((matcher.group(1) != null) ? matcher.group(1) : matcher.group(2)) : hop;
    }

    /** https when every hop says so, http when any says otherwise, nothing when the header is absent. */
    static Optional<String> forwardedScheme(List<String> forwardedProto) {
        List<String> hops = new ArrayList<>();
        forwardedProto.forEach((header) -> hops.addAll(List.of(header.split(",", -1))));
        if (hops.isEmpty()) {
            return Optional.empty();
        }
        boolean https = hops.stream().allMatch((hop) -> hop.strip().toLowerCase(Locale.ROOT).equals("https"));
        return Optional.of(https ? "https" : "http");
    }

    /** Switches the scheme, and the port with it when it was the old scheme's default. */
    private static void setScheme(Request request, String scheme) {
        int oldDefault = request.isSecure() ? 443 : 80;
        boolean https = scheme.equals("https");
        request.getCoyoteRequest().scheme().setString(scheme);
        request.setSecure(https);
        if (request.getServerPort() == oldDefault) {
            request.setServerPort(https ? 443 : 80);
        }
    }

}
