package org.gazette.web;

import java.util.List;

import org.gazette.ClientAddresses.AddressRange;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code gazette.security.*} properties.
 *
 * @param trustedProxies addresses or CIDR ranges whose {@code X-Forwarded-For} and
 * {@code X-Forwarded-Proto} headers are believed
 */
@ConfigurationProperties("gazette.security")
public record SecurityProperties(@DefaultValue List<AddressRange> trustedProxies) {

}
