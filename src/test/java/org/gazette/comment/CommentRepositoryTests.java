package org.gazette.comment;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.gazette.article.Article;
import org.hibernate.Hibernate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queries behind the article page, the posting rules and the front page, on the
 * application's own schema (Flyway) and SQL mode.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class CommentRepositoryTests {

    static final Instant T0 = Instant.parse("2022-01-12T20:00:00Z");

    @Autowired
    private CommentRepository comments;

    @Autowired
    private TestEntityManager entities;

    private Article article;

    private Article other;

    @BeforeEach
    void articles() {
        this.article = this.entities.persist(new Article("first-article", "First article", T0, T0));
        this.other = this.entities.persist(new Article("second-article", "Second article", T0, T0));
    }

    // the thread shown under an article -------------------------------------------------

    @Test
    void countsApprovedCommentsOfTheArticleOnly() {
        Comment root = approved(this.article, null, "Ann", "One", T0);
        approved(this.article, root, "Bo", "Reply", T0.plusSeconds(1));
        held(this.article, null, "Cy", "Held", T0);
        spam(this.article, null, "Di", "Spam", T0);
        trash(approved(this.article, null, "Ed", "Trashed", T0));
        approved(this.other, null, "Fay", "Elsewhere", T0);
        flushAndClear();

        assertThat(this.comments.countApproved(this.article.getId())).isEqualTo(2);
        assertThat(this.comments.countApproved(this.other.getId())).isEqualTo(1);
    }

    @Test
    void approvedThreadsComeOldestFirstInWindows() {
        Comment oldest = approved(this.article, null, "Ann", "Oldest", T0);
        Comment second = approved(this.article, null, "Bo", "Second", T0.plusSeconds(10));
        Comment sameTime = approved(this.article, null, "Cy", "Same time as second", T0.plusSeconds(10));
        Comment last = approved(this.article, null, "Di", "Last", T0.plusSeconds(20));
        approved(this.article, oldest, "Ed", "A reply is not a thread", T0.plusSeconds(1));
        held(this.article, null, "Fay", "Held", T0.plusSeconds(5));
        trash(approved(this.article, null, "Gus", "Trashed", T0.plusSeconds(6)));
        approved(this.other, null, "Hal", "Elsewhere", T0);
        flushAndClear();

        assertThat(this.comments.countApprovedThreads(this.article.getId())).isEqualTo(4);
        assertThat(threadIds(PageRequest.of(0, 10))).containsExactly(oldest.getId(), second.getId(), sameTime.getId(),
                last.getId());
        assertThat(threadIds(PageRequest.of(0, 3))).containsExactly(oldest.getId(), second.getId(), sameTime.getId());
        assertThat(threadIds(PageRequest.of(1, 3))).containsExactly(last.getId());
        assertThat(threadIds(new OffsetLimit(1, 2))).containsExactly(second.getId(), sameTime.getId());
        assertThat(threadIds(PageRequest.of(2, 3))).isEmpty();
        assertThat(this.comments.findApprovedThreads(this.article.getId(), PageRequest.of(0, 1)))
            .containsExactly(new ThreadKey(oldest.getId(), T0));
    }

    @Test
    void removedThreadsWithAnApprovedReplyStandAsPlaceholders() {
        Comment removed = approved(this.article, null, "Ann", "Removed later", T0.plusSeconds(20));
        Comment removedReply = approved(this.article, removed, "Bo", "Reply, removed too", T0.plusSeconds(21));
        approved(this.article, removedReply, "Cy", "Deep reply stays visible", T0.plusSeconds(22));
        trash(removed);
        trash(removedReply);
        Comment spamWithReply = spam(this.article, null, "Di", "Spam", T0.plusSeconds(7));
        approved(this.article, spamWithReply, "Ed", "Approved before the parent was marked spam", T0.plusSeconds(8));
        Comment heldRoot = held(this.article, null, "Fay", "Held", T0.plusSeconds(5));
        held(this.article, heldRoot, "Gus", "Held reply", T0.plusSeconds(6));
        trash(approved(this.article, null, "Hal", "Trashed, no replies", T0.plusSeconds(9)));
        approved(this.article, null, "Ivy", "Approved, not a placeholder", T0);
        Comment elsewhere = approved(this.other, null, "Jo", "Elsewhere", T0);
        approved(this.other, elsewhere, "Kim", "Reply elsewhere", T0);
        trash(elsewhere);
        flushAndClear();

        assertThat(this.comments.findRemovedThreadsWithVisibleReplies(this.article.getId()))
            .containsExactly(new ThreadKey(spamWithReply.getId(), T0.plusSeconds(7)),
                    new ThreadKey(removed.getId(), T0.plusSeconds(20)));
    }

    @Test
    void countsTheApprovedThreadsBeforeAComment() {
        Comment first = approved(this.article, null, "Ann", "First", T0);
        Comment second = approved(this.article, null, "Bo", "Second", T0.plusSeconds(10));
        Comment sameTime = approved(this.article, null, "Cy", "Same time", T0.plusSeconds(10));
        held(this.article, null, "Di", "Held, not counted", T0.plusSeconds(1));
        Comment last = held(this.article, null, "Ed", "Held, last", T0.plusSeconds(30));
        approved(this.other, null, "Fay", "Elsewhere, not counted", T0);
        flushAndClear();

        assertThat(before(first)).isZero();
        assertThat(before(second)).isEqualTo(1);
        assertThat(before(sameTime)).isEqualTo(2);
        assertThat(before(last)).isEqualTo(3);
    }

    @Test
    void countsTheVisibleThreadsBetweenTwoPlacesInThreadOrder() {
        Comment before = approved(this.article, null, "Ann", "Before the range", T0);
        Comment from = approved(this.article, null, "Bo", "First in the range", T0.plusSeconds(10));
        Comment sameTime = approved(this.article, null, "Cy", "Same time, later id", T0.plusSeconds(10));
        held(this.article, null, "Di", "Held, not counted", T0.plusSeconds(11));
        Comment placeholder = approved(this.article, null, "Ed", "Removed, its reply stays", T0.plusSeconds(12));
        approved(this.article, placeholder, "Fay", "Visible reply", T0.plusSeconds(13));
        trash(placeholder);
        trash(approved(this.article, null, "Gus", "Trashed, no replies", T0.plusSeconds(14)));
        Comment to = approved(this.article, null, "Hal", "End of the range, not counted", T0.plusSeconds(20));
        approved(this.article, null, "Ivy", "After the range", T0.plusSeconds(30));
        approved(this.other, null, "Jo", "Elsewhere, not counted", T0.plusSeconds(15));
        flushAndClear();

        assertThat(between(from, to)).isEqualTo(3);
        assertThat(between(sameTime, to)).isEqualTo(2);
        assertThat(between(before, to)).isEqualTo(4);
        assertThat(this.comments.countVisibleThreadsBetween(this.article.getId(), T0.plusSeconds(10), 0L,
                T0.plusSeconds(20), 0L))
            .as("from a moment to a moment (id 0 is before every comment posted then)")
            .isEqualTo(3);
        assertThat(between(to, to)).isZero();
    }

    @Test
    void loadsTheRootsAndEveryReplyOfTheGivenThreadsInPostingOrder() {
        Comment first = approved(this.article, null, "Ann", "First", T0);
        Comment other = approved(this.article, null, "Bo", "Another thread", T0.plusSeconds(1));
        Comment reply = approved(this.article, first, "Cy", "Reply", T0.plusSeconds(2));
        Comment heldReply = held(this.article, reply, "Di", "Held reply", T0.plusSeconds(3));
        approved(this.article, other, "Ed", "Reply in the other thread", T0.plusSeconds(4));
        Comment third = approved(this.article, null, "Fay", "Third", T0.plusSeconds(5));
        Comment late = approved(this.article, third, "Gus", "Reply to third", T0.plusSeconds(6));
        flushAndClear();

        List<Comment> roots = this.comments.findRoots(List.of(third.getId(), first.getId()));
        List<Comment> replies = this.comments.findReplies(List.of(first.getId(), third.getId()));

        assertThat(roots).extracting(Comment::getId).containsExactly(first.getId(), third.getId());
        assertThat(replies).extracting(Comment::getId).containsExactly(reply.getId(), heldReply.getId(), late.getId());
        assertThat(replies.get(1).getRootId()).isEqualTo(first.getId());
        assertThat(replies.get(1).getDepth()).isEqualTo(3);
    }

    // the posting rules -----------------------------------------------------------------

    @Test
    void duplicateIsTheSameTextOnTheSameArticleByTheSameName() {
        held(this.article, null, "Ann", "I said this.", T0);
        flushAndClear();
        String hash = BodyHash.of("I said this.");

        assertThat(this.comments.existsDuplicate(this.article.getId(), hash, "Ann")).isTrue();
        assertThat(this.comments.existsDuplicate(this.article.getId(), hash, "Someone")).isFalse();
        assertThat(this.comments.existsDuplicate(this.other.getId(), hash, "Ann")).isFalse();
        assertThat(this.comments.existsDuplicate(this.article.getId(), BodyHash.of("I said that."), "Ann")).isFalse();
    }

    @Test
    void findsTheSameTextOnTheSameArticleWithTheSameEmail() {
        held(this.article, null, "Ann", "I said this.", T0);
        flushAndClear();
        String hash = BodyHash.of("I said this.");

        assertThat(this.comments.existsSameTextWithEmail(this.article.getId(), hash, "ann@mail.example")).isTrue();
        assertThat(this.comments.existsSameTextWithEmail(this.article.getId(), hash, "else@mail.example")).isFalse();
        assertThat(this.comments.existsSameTextWithEmail(this.other.getId(), hash, "ann@mail.example")).isFalse();
        assertThat(this.comments.existsSameTextWithEmail(this.article.getId(), BodyHash.of("I said that."),
                "ann@mail.example"))
            .isFalse();
    }

    @Test
    void findsTheLastCommentTimeOfANetworkAndOfAnEmail() {
        comment(this.article, null, new Author("Ann", "ann@mail.example", null), "One", approvedVerdict(),
                "198.51.100.1", T0);
        comment(this.other, null, new Author("Ann", "ann@mail.example", null), "Two", approvedVerdict(),
                "198.51.100.2", T0.plusSeconds(60));
        comment(this.article, null, new Author("Bo", "bo@mail.example", null), "Three", approvedVerdict(),
                "198.51.100.1", T0.plusSeconds(30));
        comment(this.article, null, new Author("Cy", "cy@mail.example", null), "Four", approvedVerdict(),
                "2001:db8:1:2::1", T0.plusSeconds(10));
        comment(this.other, null, new Author("Di", "di@mail.example", null), "Five", approvedVerdict(),
                "2001:db8:1:2:aaaa::2", T0.plusSeconds(40));
        flushAndClear();

        assertThat(this.comments.lastCommentFromNetwork("198.51.100.1")).hasValue(T0.plusSeconds(30));
        assertThat(this.comments.lastCommentFromNetwork("2001:db8:1:2::/64")).hasValue(T0.plusSeconds(40));
        assertThat(this.comments.lastCommentFromEmail("ann@mail.example")).hasValue(T0.plusSeconds(60));
        assertThat(this.comments.lastCommentFromNetwork("203.0.113.9")).isEmpty();
        assertThat(this.comments.lastCommentFromNetwork("2001:db8:1:3::/64")).isEmpty();
        assertThat(this.comments.lastCommentFromEmail("nobody@mail.example")).isEmpty();
    }

    @Test
    void knownCommenterNeedsAnApprovedCommentWithTheSameNameAndEmail() {
        approved(this.article, null, "Ann", "Approved", T0);
        held(this.article, null, "Bo", "Held only", T0);
        flushAndClear();

        assertThat(this.comments.existsApproved("Ann", "ann@mail.example")).isTrue();
        assertThat(this.comments.existsApproved("Ann", "bo@mail.example")).isFalse();
        assertThat(this.comments.existsApproved("Someone", "ann@mail.example")).isFalse();
        assertThat(this.comments.existsApproved("Bo", "bo@mail.example")).isFalse();
    }

    // other pages -------------------------------------------------------------------------

    @Test
    void countsApprovedCommentsOfEveryArticleAtOnce() {
        approved(this.article, null, "Ann", "One", T0);
        approved(this.article, null, "Bo", "Two", T0);
        held(this.article, null, "Cy", "Held", T0);
        approved(this.other, null, "Di", "Three", T0);
        Article quiet = this.entities.persist(new Article("quiet", "Quiet", T0, T0));
        flushAndClear();

        Map<Long, Long> counts = this.comments.countApprovedByArticle()
            .stream()
            .collect(Collectors.toMap((row) -> (Long) row[0], (row) -> (Long) row[1]));

        assertThat(counts).containsEntry(this.article.getId(), 2L)
            .containsEntry(this.other.getId(), 1L)
            .doesNotContainKey(quiet.getId());
    }

    @Test
    void loadsACommentWithItsArticle() {
        Comment comment = approved(this.article, null, "Ann", "One", T0);
        flushAndClear();

        Comment loaded = this.comments.findWithArticle(comment.getId()).orElseThrow();

        assertThat(Hibernate.isInitialized(loaded.getArticle())).isTrue();
        assertThat(loaded.getArticle().getSlug()).isEqualTo("first-article");
    }

    @Test
    void keepsEveryFieldOfAComment() {
        Comment root = approved(this.article, null, "Ann", "Root", T0);
        Comment stored = comment(this.article, root, new Author("Zoë", "zoe@mail.example", "https://zoe.example"),
                "Ünïcödé 😀\nsecond line",
                new Verdict(CommentStatus.PENDING, StatusReason.MODERATION_WORD, "casino"),
                "2001:db8::1", T0.plusSeconds(1));
        flushAndClear();

        Comment loaded = this.comments.findById(stored.getId()).orElseThrow();

        assertThat(loaded.getArticleId()).isEqualTo(this.article.getId());
        assertThat(loaded.getParentId()).isEqualTo(root.getId());
        assertThat(loaded.getRootId()).isEqualTo(root.getId());
        assertThat(loaded.getDepth()).isEqualTo(2);
        assertThat(loaded.getAuthorName()).isEqualTo("Zoë");
        assertThat(loaded.getAuthorEmail()).isEqualTo("zoe@mail.example");
        assertThat(loaded.getAuthorWebsite()).isEqualTo("https://zoe.example");
        assertThat(loaded.getBody()).isEqualTo("Ünïcödé 😀\nsecond line");
        assertThat(loaded.getStatus()).isEqualTo(CommentStatus.PENDING);
        assertThat(loaded.getStatusReason()).isEqualTo(StatusReason.MODERATION_WORD);
        assertThat(loaded.getStatusDetail()).isEqualTo("casino");
        assertThat(loaded.getClientAddress()).isEqualTo("2001:db8::1");
        assertThat(loaded.getCreatedAt()).isEqualTo(T0.plusSeconds(1));
    }

    // fixtures ----------------------------------------------------------------------------

    private long before(Comment comment) {
        return this.comments.countApprovedThreadsBefore(this.article.getId(), comment.getCreatedAt(), comment.getId());
    }

    private long between(Comment from, Comment to) {
        return this.comments.countVisibleThreadsBetween(this.article.getId(), from.getCreatedAt(), from.getId(),
                to.getCreatedAt(), to.getId());
    }

    private List<Long> threadIds(Pageable window) {
        return this.comments.findApprovedThreads(this.article.getId(), window).stream().map(ThreadKey::id).toList();
    }

    private Comment approved(Article on, Comment parent, String name, String text, Instant at) {
        return comment(on, parent, author(name), text, approvedVerdict(), "192.0.2.1", at);
    }

    private Comment held(Article on, Comment parent, String name, String text, Instant at) {
        return comment(on, parent, author(name), text, new Verdict(CommentStatus.PENDING, StatusReason.FIRST_TIME,
                null), "192.0.2.1", at);
    }

    private Comment spam(Article on, Comment parent, String name, String text, Instant at) {
        return comment(on, parent, author(name), text, new Verdict(CommentStatus.SPAM, StatusReason.HONEYPOT, null),
                "192.0.2.1", at);
    }

    private void trash(Comment comment) {
        comment.trash(comment.getCreatedAt().plusSeconds(3600));
        this.entities.flush();
    }

    private Comment comment(Article on, Comment parent, Author author, String text, Verdict verdict, String address,
            Instant at) {
        return this.entities.persistAndFlush(new Comment(on, parent, author, text, verdict, address, at));
    }

    private static Verdict approvedVerdict() {
        return new Verdict(CommentStatus.APPROVED, StatusReason.MODERATION_OFF, null);
    }

    private static Author author(String name) {
        return new Author(name, name.toLowerCase(Locale.ROOT) + "@mail.example", null);
    }

    private void flushAndClear() {
        this.entities.flush();
        this.entities.clear();
    }

}
