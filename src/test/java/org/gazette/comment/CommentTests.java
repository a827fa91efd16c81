package org.gazette.comment;

import java.time.Instant;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import org.gazette.article.Article;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Every editor action from every status: the move it makes, or its refusal. */
class CommentTests {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    static Stream<Arguments> transitions() {
        CommentStatus P = CommentStatus.PENDING;
        CommentStatus A = CommentStatus.APPROVED;
        CommentStatus S = CommentStatus.SPAM;
        CommentStatus T = CommentStatus.TRASH;
        return Stream.of(
                // action, from, to (null = refused)
                arguments(Comment.Action.APPROVE, P, A), arguments(Comment.Action.APPROVE, A, null),
                arguments(Comment.Action.APPROVE, S, null), arguments(Comment.Action.APPROVE, T, null),
                arguments(Comment.Action.UNAPPROVE, P, null), arguments(Comment.Action.UNAPPROVE, A, P),
                arguments(Comment.Action.UNAPPROVE, S, null), arguments(Comment.Action.UNAPPROVE, T, null),
                arguments(Comment.Action.SPAM, P, S), arguments(Comment.Action.SPAM, A, S),
                arguments(Comment.Action.SPAM, S, null), arguments(Comment.Action.SPAM, T, null),
                arguments(Comment.Action.NOT_SPAM, P, null), arguments(Comment.Action.NOT_SPAM, A, null),
                arguments(Comment.Action.NOT_SPAM, S, P), arguments(Comment.Action.NOT_SPAM, T, null),
                arguments(Comment.Action.TRASH, P, T), arguments(Comment.Action.TRASH, A, T),
                arguments(Comment.Action.TRASH, S, T), arguments(Comment.Action.TRASH, T, null),
                arguments(Comment.Action.RESTORE, P, null), arguments(Comment.Action.RESTORE, A, null),
                arguments(Comment.Action.RESTORE, S, null));
    }

    @ParameterizedTest(name = "{0} from {1} -> {2}")
    @MethodSource("transitions")
    void movesOrRefuses(Comment.Action action, CommentStatus from, CommentStatus to) {
        Comment comment = commentIn(from);
        if (to == null) {
            assertThatIllegalStateException().isThrownBy(() -> apply(action).accept(comment, NOW));
            assertThat(comment.getStatus()).isEqualTo(from);
        }
        else {
            apply(action).accept(comment, NOW);
            assertThat(comment.getStatus()).isEqualTo(to);
            assertThat(comment.getStatusReason()).isEqualTo(StatusReason.EDITOR);
        }
    }

    @Test
    void restoresTrashedCommentToTheStatusItCameFrom() {
        for (CommentStatus from : new CommentStatus[] { CommentStatus.PENDING, CommentStatus.APPROVED,
                CommentStatus.SPAM }) {
            Comment comment = commentIn(from);
            comment.trash(NOW);
            assertThat(comment.getTrashedFrom()).isEqualTo(from);
            comment.restore(NOW);
            assertThat(comment.getStatus()).isEqualTo(from);
            assertThat(comment.getTrashedFrom()).isNull();
        }
    }

    @Test
    void allowsPermanentDeleteOnlyFromSpamOrTrash() {
        assertThat(Comment.Action.DELETE.allowedFrom(CommentStatus.SPAM)).isTrue();
        assertThat(Comment.Action.DELETE.allowedFrom(CommentStatus.TRASH)).isTrue();
        assertThatIllegalStateException().isThrownBy(() -> commentIn(CommentStatus.PENDING).checkDeletable());
        assertThatIllegalStateException().isThrownBy(() -> commentIn(CommentStatus.APPROVED).checkDeletable());
    }

    @Test
    void replyTakesItsParentsThreadAndDepth() {
        Comment parent = commentIn(CommentStatus.APPROVED);
        Comment reply = new Comment(article(), parent, new Author("Bo", "bo@example.com", null), "Reply",
                Verdict.approved(StatusReason.MODERATION_OFF), "10.0.0.2", NOW);
        assertThat(reply.getDepth()).isEqualTo(2);
        assertThat(parent.getDepth()).isEqualTo(1);
        assertThat(parent.isTopLevel()).isTrue();
    }

    private static BiConsumer<Comment, Instant> apply(Comment.Action action) {
        return switch (action) {
            case APPROVE -> Comment::approve;
            case UNAPPROVE -> Comment::unapprove;
            case SPAM -> Comment::markSpam;
            case NOT_SPAM -> Comment::markNotSpam;
            case TRASH -> Comment::trash;
            case RESTORE -> Comment::restore;
            case DELETE -> (comment, when) -> comment.checkDeletable();
        };
    }

    private static Comment commentIn(CommentStatus status) {
        return new Comment(article(), null, new Author("Ann", "ann@example.com", null), "Text",
                new Verdict(status, StatusReason.FIRST_TIME, null), "10.0.0.1", NOW);
    }

    private static Article article() {
        return new Article("slug", "Headline", NOW, NOW);
    }

}
