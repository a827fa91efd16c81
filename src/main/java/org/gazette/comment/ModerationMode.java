package org.gazette.comment;

import java.util.Locale;
import java.util.Optional;

/** How much the desk sees before publication. */
public enum ModerationMode {

    /** Every comment is held. */
    ALL,
    /** A comment is held unless the same name and email were approved before. */
    FIRST_TIME,
    /** Comments are published at once (other rules still apply). */
    NONE;

    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<ModerationMode> fromKey(String key) {
        for (ModerationMode mode : values()) {
            if (mode.key().equalsIgnoreCase(key) || mode.name().equalsIgnoreCase(key)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }

}
