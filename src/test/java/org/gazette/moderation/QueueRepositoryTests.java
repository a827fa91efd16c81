package org.gazette.moderation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.gazette.article.Article;
import org.gazette.comment.Comment;
import org.gazette.comment.CommentStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desk's queries on the application's own schema and SQL mode: every filter of the
 * queue both set and unset, the grouped counts and histories, and the log's lookups.
 * {@link QueueRepositoryPostgresTests} runs the same on PostgreSQL.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class QueueRepositoryTests {

    static final Instant T0 = Instant.parse("2022-01-12T20:00:00Z");

    @Autowired
    private QueueRepository queue;

    @Autowired
    private ModerationEventRepository events;

    @Autowired
    private TestEntityManager entities;

    @Autowired
    private JdbcTemplate jdbc;

    private Article article;

    private Article other;

    @BeforeEach
    void articles() {
        this.jdbc.update("update comment set parent_id = null");
        this.jdbc.update("delete from comment");
        this.article = this.entities.persist(new Article("queue-first", "First article", T0, T0));
        this.other = this.entities.persist(new Article("queue-second", "Second article", T0.plusSeconds(60), T0));
        this.entities.flush();
    }

    @Test
    void aTabHoldsItsStatusOnlyWithArticleAndParentAtHand() {
        long parent = insert(this.article, null, "Ann", "ann@example.com", null, "Parent", "APPROVED", 0);
        long reply = insert(this.article, parent, "Bo", "bo@example.com", null, "Reply", "PENDING", 1);
        long held = insert(this.other, null, "Cy", "cy@example.com", null, "Held", "PENDING", 2);
        insert(this.article, null, "Di", "di@example.com", null, "Spam", "SPAM", 3);
        this.entities.clear();

        QueueQuery pending = QueueQuery.of(CommentStatus.PENDING);

        assertThat(this.queue.pageIds(pending, 0, 10)).containsExactly(reply, held);
        assertThat(this.queue.count(pending)).isEqualTo(2);
        Comment first = this.queue.findForQueue(List.of(reply))
            .stream()
            .filter((comment) -> comment.getId() == reply)
            .findFirst()
            .orElseThrow();
        assertThat(first.getArticle().getHeadline()).isEqualTo("First article");
        assertThat(first.getParent().getAuthorName()).isEqualTo("Ann");
    }

    @Test
    void rowsAreReadForAnyNumberOfIdsWithMissingOnesLeftOut() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < QueueListingImpl.ROWS_AT_ONCE + 5; i++) {
            ids.add(insert(this.article, null, "Author " + i, "a" + i + "@example.com", null, "Text " + i, "PENDING", i));
        }
        this.entities.clear();

        assertThat(this.queue.findForQueue(List.of())).isEmpty();
        assertThat(rowIds(ids.subList(3, 4))).containsExactly(ids.get(3));
        assertThat(rowIds(ids.subList(0, QueueListingImpl.ROWS_AT_ONCE)))
            .containsExactlyInAnyOrderElementsOf(ids.subList(0, QueueListingImpl.ROWS_AT_ONCE));
        assertThat(rowIds(ids)).containsExactlyInAnyOrderElementsOf(ids);
        long missing = ids.get(ids.size() - 1) + 1000;
        assertThat(rowIds(List.of(ids.get(1), missing, ids.get(2)))).containsExactlyInAnyOrder(ids.get(1), ids.get(2));
    }

    private List<Long> rowIds(List<Long> ids) {
        return this.queue.findForQueue(ids).stream().map(Comment::getId).toList();
    }

    @Test
    void filtersByArticleCommentAndSearch() {
        long one = insert(this.article, null, "Zelda", "z@example.com", "https://zelda.example", "plain", "PENDING", 0);
        long two = insert(this.other, null, "Bo", "BO@example.com", null, "Zelda was right 100%", "PENDING", 1);
        long three = insert(this.other, null, "Cy", "cy@example.com", null, "nothing", "PENDING", 2);

        assertThat(ids(this.other.getId(), null, null)).containsExactly(two, three);
        assertThat(ids(null, three, null)).containsExactly(three);
        assertThat(ids(this.article.getId(), three, null)).isEmpty();
        assertThat(ids(this.other.getId(), three, "nothing")).containsExactly(three);
        assertThat(ids(null, null, "zelda")).containsExactly(one, two);
        assertThat(ids(this.other.getId(), null, "zelda")).containsExactly(two);
        assertThat(ids(null, null, "bo@example")).containsExactly(two);
        assertThat(ids(null, null, "198.51.100.")).containsExactly(one, two, three);
        assertThat(ids(null, null, "100%")).containsExactly(two);
        assertThat(ids(null, null, "zelda.ex")).containsExactly(one);
        assertThat(this.queue.count(query(this.other.getId(), null, "zelda"))).isEqualTo(1);
        assertThat(this.queue.count(query(null, null, "zelda"))).isEqualTo(2);
        assertThat(this.queue.count(query(this.other.getId(), null, null))).isEqualTo(2);
        assertThat(this.queue.count(query(this.other.getId(), one, null))).isZero();
        assertThat(this.queue.count(query(null, one, "zelda"))).isEqualTo(1);
    }

    @Test
    void pagesEachFilterInTheTabsOrderEitherWay() {
        long a1 = insert(this.article, null, "Ann", "ann@example.com", null, "match one", "PENDING", 0);
        long b1 = insert(this.other, null, "Bo", "bo@example.com", null, "match two", "PENDING", 1);
        long a2 = insert(this.article, null, "Cy", "cy@example.com", null, "match three", "PENDING", 2);
        insert(this.article, null, "Di", "di@example.com", null, "match but spam", "SPAM", 3);
        long a3 = insert(this.article, null, "Ed", "ed@example.com", null, "other words", "PENDING", 4);
        // posted in the same instant as a3: the id breaks the tie
        long a4 = insert(this.article, null, "Fay", "fay@example.com", null, "match four", "PENDING", 4);
        QueueQuery all = QueueQuery.of(CommentStatus.PENDING);
        QueueQuery newest = all.withOrder(QueueQuery.Order.NEWEST);
        QueueQuery onArticle = query(this.article.getId(), null, null);
        QueueQuery searched = query(null, null, "match");

        assertThat(this.queue.pageIds(all, 0, 2)).containsExactly(a1, b1);
        assertThat(this.queue.pageIds(all, 2, 2)).containsExactly(a2, a3);
        assertThat(this.queue.pageIds(all, 4, 2)).containsExactly(a4);
        assertThat(this.queue.pageIds(all, 6, 2)).isEmpty();
        assertThat(this.queue.pageIds(newest, 0, 3)).containsExactly(a4, a3, a2);
        assertThat(this.queue.pageIds(onArticle, 1, 2)).containsExactly(a2, a3);
        assertThat(this.queue.pageIds(onArticle.withOrder(QueueQuery.Order.NEWEST), 0, 2)).containsExactly(a4, a3);
        assertThat(this.queue.pageIds(searched, 1, 10)).containsExactly(b1, a2, a4);
        assertThat(this.queue.pageIds(searched.withOrder(QueueQuery.Order.NEWEST), 0, 2)).containsExactly(a4, a2);
        assertThat(this.queue.count(all)).isEqualTo(5);
        assertThat(this.queue.count(searched)).isEqualTo(4);
        assertThat(this.queue.count(QueueQuery.of(CommentStatus.SPAM))).isEqualTo(1);
    }

    @Test
    void countsEachStatusForTheSiteOrOneArticle() {
        insert(this.article, null, "Ann", "ann@example.com", null, "1", "PENDING", 0);
        insert(this.article, null, "Bo", "bo@example.com", null, "2", "PENDING", 1);
        insert(this.other, null, "Cy", "cy@example.com", null, "3", "PENDING", 2);
        insert(this.other, null, "Di", "di@example.com", null, "4", "TRASH", 3);

        assertThat(counts(null)).containsExactlyInAnyOrderEntriesOf(
                Map.of(CommentStatus.PENDING, 3L, CommentStatus.TRASH, 1L));
        assertThat(counts(this.other.getId())).containsExactlyInAnyOrderEntriesOf(
                Map.of(CommentStatus.PENDING, 1L, CommentStatus.TRASH, 1L));
    }

    @Test
    void historiesCountEachEmailByStatusInOneQuery() {
        insert(this.article, null, "Ann", "ann@example.com", null, "1", "APPROVED", 0);
        insert(this.other, null, "Ann", "ann@example.com", null, "2", "APPROVED", 1);
        insert(this.article, null, "Ann", "ann@example.com", null, "3", "SPAM", 2);
        insert(this.article, null, "Bo", "bo@example.com", null, "4", "PENDING", 3);
        insert(this.article, null, "Cy", "cy@example.com", null, "5", "PENDING", 4);

        Map<String, Long> rows = this.queue.historyOf(List.of("ann@example.com", "bo@example.com"))
            .stream()
            .collect(Collectors.toMap((row) -> row[0] + " " + row[1], (row) -> (Long) row[2]));

        assertThat(rows).containsExactlyInAnyOrderEntriesOf(Map.of("ann@example.com APPROVED", 2L,
                "ann@example.com SPAM", 1L, "bo@example.com PENDING", 1L));
    }

    @Test
    void offersArticlesWithCommentsNewestFirst() {
        Article silent = this.entities.persist(new Article("queue-silent", "No comments", T0.plusSeconds(120), T0));
        insert(this.article, null, "Ann", "ann@example.com", null, "1", "PENDING", 0);
        insert(this.other, null, "Bo", "bo@example.com", null, "2", "SPAM", 1);

        assertThat(this.queue.articlesWithComments(PageRequest.of(0, 10)))
            .extracting(ArticleChoice::headline)
            .startsWith("Second article", "First article")
            .doesNotContain("No comments");
        assertThat(this.queue.articles(List.of(silent.getId(), this.article.getId())))
            .extracting(ArticleChoice::slug)
            .containsExactlyInAnyOrder("queue-silent", "queue-first");
    }

    @Test
    void knowsRepliesAndSummarisesCommentsForTheLog() {
        long parent = insert(this.article, null, "Ann", "ann@example.com", null, "Parent", "TRASH", 0);
        long reply = insert(this.article, parent, "Bo", "bo@example.com", null, "Reply", "APPROVED", 1);

        assertThat(this.queue.hasReplies(parent)).isTrue();
        assertThat(this.queue.hasReplies(reply)).isFalse();
        assertThat(this.queue.summaries(List.of(parent, reply, 999_999L))).extracting((row) -> row[1] + " " + row[2])
            .containsExactlyInAnyOrder("Ann TRASH", "Bo APPROVED");
        assertThat(this.queue.findForDesk(List.of(parent, reply))).hasSize(2);
    }

    @Test
    void theLogFindsTheLatestLineOfEachCommentAndFiltersByEditorAndAction() {
        this.events.save(new ModerationEvent(T0, "maria", AuditAction.APPROVE, 1L, 1L, "PENDING", "APPROVED", null));
        this.events.save(new ModerationEvent(T0.plusSeconds(1), "tom", AuditAction.SPAM, 1L, 1L, "APPROVED", "SPAM",
                null));
        this.events.save(new ModerationEvent(T0.plusSeconds(2), "maria", AuditAction.TRASH, 2L, 1L, "PENDING", "TRASH",
                null));
        this.events.save(new ModerationEvent(T0.plusSeconds(3), "maria", AuditAction.SETTINGS_CHANGE, null, null, null,
                null, "moderation mode: all"));

        assertThat(this.events.latestFor(List.of(1L, 2L, 3L))).extracting((event) -> event.getCommentId() + " "
                + event.getAction()).containsExactlyInAnyOrder("1 SPAM", "2 TRASH");
        assertThat(this.events.search(null, null, PageRequest.of(0, 10)).getContent())
            .extracting(ModerationEvent::getAction)
            .containsExactly("SETTINGS_CHANGE", "TRASH", "SPAM", "APPROVE");
        assertThat(this.events.search("maria", null, PageRequest.of(0, 10)).getTotalElements()).isEqualTo(3);
        assertThat(this.events.search("maria", "APPROVE", PageRequest.of(0, 10)).getTotalElements()).isEqualTo(1);
        assertThat(this.events.search(null, "SPAM", PageRequest.of(0, 10)).getContent()).extracting(
                ModerationEvent::getEditor).containsExactly("tom");
        assertThat(this.events.editors()).contains("maria", "tom");
    }

    private List<Long> ids(Long articleId, Long commentId, String search) {
        return this.queue.pageIds(query(articleId, commentId, search), 0, 10);
    }

    private static QueueQuery query(Long articleId, Long commentId, String search) {
        return new QueueQuery(CommentStatus.PENDING, 1, search, articleId, null, commentId);
    }

    private Map<CommentStatus, Long> counts(Long articleId) {
        return ((articleId != null) ? this.queue.countByStatusOf(articleId) : this.queue.countByStatus())
            .stream()
            .collect(Collectors.toMap((row) -> (CommentStatus) row[0], (row) -> (Long) row[1]));
    }

    /** A comment row as the application stores it, posted {@code second} seconds after T0. */
    private long insert(Article on, Long parent, String name, String email, String website, String body,
            String status, int second) {
        OffsetDateTime at = T0.plusSeconds(second).atOffset(ZoneOffset.UTC);
        this.jdbc.update("""
                insert into comment (article_id, parent_id, thread_id, depth, author_name, author_email,
                    author_website, body, body_hash, status, status_reason, staff, client_address, created_at,
                    updated_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'hash', ?, 'FIRST_TIME', false, ?, ?, ?, 0)""", on.getId(), parent,
                parent, (parent != null) ? 2 : 1, name, email.toLowerCase(java.util.Locale.ROOT), website, body,
                status, "198.51.100." + second, at, at);
        return this.jdbc.queryForObject("select max(id) from comment", Long.class);
    }

}
