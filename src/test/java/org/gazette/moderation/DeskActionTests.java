package org.gazette.moderation;

import org.gazette.comment.Comment;
import org.gazette.comment.CommentStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The desk's small parts, without Spring: actions, version tokens and queue addresses. */
class DeskActionTests {

    @ParameterizedTest
    @EnumSource(DeskAction.class)
    void eachDeskActionFollowsTheCommentsOwnRuleAndLogsUnderItsName(DeskAction action) {
        Comment.Action rule = Comment.Action.valueOf(action.name());
        for (CommentStatus status : CommentStatus.values()) {
            assertThat(action.allowedFrom(status)).as("%s from %s", action, status).isEqualTo(rule.allowedFrom(status));
        }
        assertThat(action.audit().name()).isEqualTo(action.name());
        assertThat(DeskAction.fromKey(action.key())).contains(action);
    }

    @Test
    void eachTabOffersTheActionsItsCommentsAllow() {
        assertThat(DeskAction.allowedActions(CommentStatus.PENDING)).containsExactly(DeskAction.APPROVE,
                DeskAction.SPAM, DeskAction.TRASH);
        assertThat(DeskAction.allowedActions(CommentStatus.APPROVED)).containsExactly(DeskAction.UNAPPROVE,
                DeskAction.SPAM, DeskAction.TRASH);
        assertThat(DeskAction.allowedActions(CommentStatus.SPAM)).containsExactly(DeskAction.NOT_SPAM,
                DeskAction.TRASH, DeskAction.DELETE);
        assertThat(DeskAction.allowedActions(CommentStatus.TRASH)).containsExactly(DeskAction.RESTORE,
                DeskAction.DELETE);
    }

    @Test
    void aCheckboxValueNamesTheCommentAndTheVersionSeen() {
        assertThat(CommentRef.parse("12:3")).contains(new CommentRef(12, 3));
        assertThat(new CommentRef(12, 3).token()).isEqualTo("12:3");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "12", "12:", ":3", "a:3", "12:b", "-1:0", "12:3:4", "1234567890123456789:0" })
    void anythingElseIsNotACheckboxValue(String value) {
        assertThat(CommentRef.parse(value)).isEmpty();
    }

    @Test
    void aQueueAddressDefaultsToPendingOldestFirst() {
        QueueQuery query = QueueQuery.parse(null, null, null, null, null, null);

        assertThat(query.status()).isEqualTo(CommentStatus.PENDING);
        assertThat(query.page()).isEqualTo(1);
        assertThat(query.newestFirst()).isFalse();
        assertThat(QueueQuery.parse("spam", "", " ", "", "", "").newestFirst()).isTrue();
        assertThat(query.url()).isEqualTo("/moderation?status=pending");
    }

    @Test
    void aQueueAddressRoundTripsThroughItsUrlAndHiddenFields() {
        QueueQuery query = QueueQuery.parse("trash", "3", "50% off & more", "7", "oldest", "12");

        assertThat(query.url())
            .isEqualTo("/moderation?status=trash&page=3&q=50%25+off+%26+more&article=7&sort=oldest&comment=12");
        assertThat(query.returnFields()).extracting(FormField::name)
            .containsExactly("status", "page", "q", "article", "sort", "comment");
        assertThat(query.withStatus(CommentStatus.SPAM).url())
            .isEqualTo("/moderation?status=spam&q=50%25+off+%26+more&article=7&sort=oldest");
    }

    @Test
    void aSearchBecomesALiteralCaseInsensitivePattern() {
        assertThat(QueueQuery.parse(null, null, "Ann_100%!", null, null, null).searchPattern())
            .isEqualTo("%ann!_100!%!!%");
    }

    @ParameterizedTest
    @ValueSource(strings = { "status=published", "page=0", "page=x", "page=1234567890", "sort=up", "article=-2",
            "comment=abc" })
    void aQueueAddressItDoesNotKnowIsRefused(String parameter) {
        String[] pair = parameter.split("=");
        String value = pair[1];
        assertThatExceptionOfType(InvalidQueueQueryException.class).isThrownBy(() -> QueueQuery.parse(
                pair[0].equals("status") ? value : null, pair[0].equals("page") ? value : null, null,
                pair[0].equals("article") ? value : null, pair[0].equals("sort") ? value : null,
                pair[0].equals("comment") ? value : null));
    }

    @Test
    void anExcerptKeepsToOneShortLine() {
        assertThat(QueueRow.excerpt("Short\n\ntext")).isEqualTo("Short text");
        assertThat(QueueRow.excerpt(" Tabs\tand\r\nbreaks \u000B\f\t end\n")).isEqualTo("Tabs and breaks end");
        assertThat(QueueRow.excerpt("no-break\u00A0space")).isEqualTo("no-break\u00A0space");
        String excerpt = QueueRow.excerpt("word ".repeat(60));
        assertThat(excerpt).endsWith("…").hasSizeLessThanOrEqualTo(141).doesNotContain("  ");
    }

}
