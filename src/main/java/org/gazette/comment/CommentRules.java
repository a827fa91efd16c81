package org.gazette.comment;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules in force for the next comment: the editors' settings over the property
 * defaults. Immutable; a new instance replaces it when an editor saves the settings.
 *
 * @param mode the moderation mode
 * @param maxLinks more links than this holds a comment
 * @param closeAfterDays days after the dateline when comments close; 0 never
 * @param threadDepth the deepest reply nesting
 * @param floodInterval minimum time between comments of one client; zero is off
 * @param disallowedWords terms that send a comment to spam (lower case)
 * @param moderationWords terms that hold a comment (lower case)
 */
public record CommentRules(ModerationMode mode, int maxLinks, int closeAfterDays, int threadDepth,
        Duration floodInterval, List<String> disallowedWords, List<String> moderationWords) {

    public CommentRules {
        disallowedWords = List.copyOf(disallowedWords);
        moderationWords = List.copyOf(moderationWords);
    }

    /**
     * When the comments of an article open for them close by the calendar, if they do:
     * {@link #closeAfterDays} days after its dateline.
     */
    public Optional<Instant> closesAfter(Instant dateline) {
        return (this.closeAfterDays > 0) ? Optional.of(dateline.plus(Duration.ofDays(this.closeAfterDays)))
                : Optional.empty();
    }

    /** Splits an editor's list: one term per line, blank lines ignored, matched case-insensitively. */
    public static List<String> terms(String list) {
        if (list == null) {
            return List.of();
        }
        return Arrays.stream(list.split("\n"))
            .map(String::strip)
            .filter((term) -> !term.isEmpty())
            .map((term) -> term.toLowerCase(Locale.ROOT))
            .distinct()
            .toList();
    }

}
