package org.gazette;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What one node sends another reads back as the same change; anything else reads as everything. */
class ChangeTests {

    private static final Instant T0 = Instant.parse("2026-01-12T17:00:00.123456789Z");

    @Test
    void everyChangeReadsBackAsItself() {
        for (Change change : new Change[] { Change.article(12), Change.comments(12, T0), Change.comments(12, null),
                Change.queue(12), Change.settings(), Change.staff(), Change.everything() }) {
            assertThat(Change.decode(change.encode())).isEqualTo(change);
        }
    }

    @Test
    void whatCannotBeReadCountsAsEverything() {
        for (String text : new String[] { "", "NEWS", "COMMENTS", "COMMENTS x", "COMMENTS 12 yesterday",
                "SETTINGS 12", "ARTICLE 1 2 3" }) {
            assertThat(Change.decode(text)).as(text).isEqualTo(Change.everything());
        }
    }

    @Test
    void commentsOfOneArticleMergeToTheEarliestThread() {
        Change later = Change.comments(12, T0.plusSeconds(60));

        assertThat(later.mergedWith(Change.comments(12, T0))).isEqualTo(Change.comments(12, T0));
        assertThat(later.mergedWith(Change.comments(12, null))).isEqualTo(Change.comments(12, null));
        assertThat(later.mergedWith(Change.comments(13, T0))).isNull();
        assertThat(later.mergedWith(Change.queue(12))).isNull();
        assertThat(Change.settings().mergedWith(Change.settings())).isEqualTo(Change.settings());
    }

}
