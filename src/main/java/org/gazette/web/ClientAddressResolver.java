package org.gazette.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The client's address: the connection's, or, when the connection comes from one of
 * {@code gazette.security.trusted-proxies}, the nearest untrusted address in
 * {@code X-Forwarded-For}. Anyone else's forwarded headers are ignored, so a client
 * cannot choose its own address to slip past rate limits.
 */
@Component
public class ClientAddressResolver {

    private final List<String> trustedProxies;

    ClientAddressResolver(SecurityProperties properties) {
        this.trustedProxies = properties.trustedProxies();
    }

    public String resolve(HttpServletRequest request) {
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
                return (hop.length() <= 64) ? hop : remote;
            }
        }
        return remote;
    }

}
