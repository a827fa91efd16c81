package org.gazette.comment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code gazette.privacy.*} properties.
 *
 * @param clientAddressRetentionDays how long a comment's client address is kept (for
 * flood control, rate limits and the editors' view); older ones are cleared hourly. 0
 * keeps them forever
 */
@ConfigurationProperties("gazette.privacy")
public record PrivacyProperties(@DefaultValue("90") int clientAddressRetentionDays) {

}
