package org.gazette;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code gazette.shutdown.*} properties.
 *
 * @param drain how long a stopping node keeps serving after its readiness probe has
 * turned to 503, so that a proxy's health checks see it go and stop sending before
 * the web server stops taking connections; zero on a single machine, a few of the
 * proxy's check intervals behind one (docs/deployment.md)
 */
@ConfigurationProperties("gazette.shutdown")
public record ShutdownProperties(@DefaultValue("0s") Duration drain) {

}
