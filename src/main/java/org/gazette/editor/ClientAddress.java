package org.gazette.editor;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The address a sign-in comes from: the connection's, or, when the connection comes
 * from one of {@code gazette.security.trusted-proxies}, the nearest untrusted address
 * in {@code X-Forwarded-For}. Anyone else's forwarded headers are ignored, so nobody
 * can choose their address to slip past the sign-in throttle. (The readers' side reads
 * the same property; the editor feature depends on no other feature, hence its own
 * copy of this small rule.)
 */
class ClientAddress {

    private static final int MAX_LENGTH = 64;

    private final List<String> trustedProxies;

    ClientAddress(List<String> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    static ClientAddress from(Environment environment) {
        return new ClientAddress(Binder.get(environment)
            .bind("gazette.security.trusted-proxies", Bindable.listOf(String.class))
            .orElse(List.of()));
    }

    String of(HttpServletRequest request) {
        String remote = request.getRemoteAddr();
        if (!this.trustedProxies.contains(remote)) {
            return remote;
        }
        String forwarded = request.getHeader("X-Forwarded-For");
        if (!StringUtils.hasText(forwarded)) {
            return remote;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty() && !this.trustedProxies.contains(hop)) {
                return (hop.length() <= MAX_LENGTH) ? hop : remote;
            }
        }
        return remote;
    }

}
