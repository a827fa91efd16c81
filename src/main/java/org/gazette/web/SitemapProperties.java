package org.gazette.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sitemap's settings.
 *
 * @param pageSize the most articles one sitemap lists: past it, {@code /sitemap.xml}
 * becomes an index of parts ({@code /sitemap-1.xml}, ...); 50,000 is the protocol's
 * limit (each entry is well under a kilobyte, so the 50 MB limit comes later)
 */
@ConfigurationProperties("gazette.sitemap")
record SitemapProperties(@DefaultValue("50000") int pageSize) {

    SitemapProperties {
        if (pageSize < 1 || pageSize > 50_000) {
            throw new IllegalArgumentException("gazette.sitemap.page-size must be between 1 and 50000");
        }
    }

}
