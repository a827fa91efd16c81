package org.gazette.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code gazette.security.*} properties.
 *
 * @param trustedProxies addresses whose {@code X-Forwarded-*} headers are believed
 */
@ConfigurationProperties("gazette.security")
public record SecurityProperties(@DefaultValue List<String> trustedProxies) {

}
