package org.gazette.comment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code gazette.moderation.*} properties.
 *
 * @param mode the moderation mode used until an editor picks another
 */
@ConfigurationProperties("gazette.moderation")
public record ModerationProperties(@DefaultValue("first-time") String mode) {

    public ModerationMode defaultMode() {
        return ModerationMode.fromKey(this.mode)
            .orElseThrow(() -> new IllegalArgumentException(
                    "gazette.moderation.mode must be all, first-time or none, not '" + this.mode + "'"));
    }

}
