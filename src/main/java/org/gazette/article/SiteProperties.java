package org.gazette.article;

import java.net.URI;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Site-wide settings: the public origin and the newsroom's time zone.
 *
 * @param baseUrl the public origin, used for canonical links, Open Graph and the
 * cross-site check
 * @param timeZone the zone datelines and times are shown in
 */
@ConfigurationProperties("gazette")
public record SiteProperties(@DefaultValue("http://localhost:8080") URI baseUrl,
        @DefaultValue("America/Toronto") ZoneId timeZone) {

    /** The base URL without a trailing slash. */
    public String origin() {
        String url = this.baseUrl.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

}
