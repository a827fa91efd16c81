package org.gazette.article;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The {@code gazette.photos.*} properties.
 *
 * @param maxBytes the largest photo file an editor may upload
 */
@ConfigurationProperties("gazette.photos")
public record PhotoProperties(@DefaultValue("10MB") DataSize maxBytes) {

    public PhotoProperties {
        if (maxBytes.toBytes() < 1 || maxBytes.toBytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("gazette.photos.max-bytes must be between 1 byte and 2 GB");
        }
    }

}
