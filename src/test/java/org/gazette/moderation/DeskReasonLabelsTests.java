package org.gazette.moderation;

import java.util.Arrays;
import java.util.Locale;
import java.util.ResourceBundle;

import org.gazette.comment.StatusReason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The desk says in words why a comment is where it is, whatever the reason recorded. */
class DeskReasonLabelsTests {

    @Test
    void everyReasonACommentCanHaveHasALabelOnTheDesk() {
        ResourceBundle desk = ResourceBundle.getBundle("desk", Locale.ROOT);

        assertThat(Arrays.stream(StatusReason.values()).map((reason) -> "desk.reason." + reason.name()))
            .allSatisfy((key) -> assertThat(desk.containsKey(key)).as(key).isTrue());
    }

}
