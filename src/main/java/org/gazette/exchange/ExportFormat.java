package org.gazette.exchange;

import java.util.Locale;
import java.util.Optional;

/** What an export writes: a WordPress export (WXR 1.2) or JSON Lines, one comment a line. */
public enum ExportFormat {

    WXR, JSONL;

    /** The format named on the command line ({@code wxr}, {@code jsonl}); empty for anything else. */
    static Optional<ExportFormat> named(String name) {
        for (ExportFormat format : values()) {
            if (format.name().toLowerCase(Locale.ROOT).equals(name)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

}
