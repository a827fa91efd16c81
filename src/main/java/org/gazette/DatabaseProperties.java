package org.gazette;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code gazette.database.*} properties.
 *
 * @param flushCommits on H2, write every committed read-write transaction to the
 * database file before the request that made it is answered, so that a comment
 * acknowledged with 303 survives the process being killed; {@code false} leaves it
 * to H2's background writer (up to half a second later) and trades that guarantee
 * for speed. No effect on other databases, which make commits durable themselves
 */
@ConfigurationProperties("gazette.database")
public record DatabaseProperties(@DefaultValue("true") boolean flushCommits) {

}
