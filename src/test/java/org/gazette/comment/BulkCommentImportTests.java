package org.gazette.comment;

import java.util.List;
import java.util.Optional;

import org.gazette.article.Article;
import org.gazette.article.ArticleNotFoundException;
import org.gazette.article.ArticleRepository;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@SpringBootTest(properties = "gazette.bench.batch-size=100")
@ActiveProfiles("bench")
class BulkCommentImportTests {

    static final String SLUG = "as-talks-with-russia-halt-nato-chief-warns-of-new-war-in-europe";

    @Autowired
    private BulkCommentImport bulk;

    @Autowired
    private CommentRepository comments;

    @Autowired
    private ArticleRepository articles;

    @Autowired
    private CommentThreads threads;

    @Autowired
    private CommentSettingsService settings;

    @Test
    void fillsAnArticleWithAThreadedDiscussionAndAQueueThroughThePostingRules() {
        long before = lastId();
        BulkCommentImport.Filled filled = this.bulk.fill(SLUG, 450, 60, 1234);

        Article article = this.articles.findBySlug(SLUG).orElseThrow();
        List<Comment> all = addedSince(before);
        assertThat(all).allSatisfy((comment) -> assertThat(comment.getArticleId()).isEqualTo(article.getId()));
        List<Comment> approved = all.stream().filter(Comment::isApproved).toList();
        List<Comment> pending = all.stream().filter((comment) -> comment.getStatus() == CommentStatus.PENDING).toList();
        assertThat(approved).hasSize(450)
            .allSatisfy((comment) -> assertThat(comment.getStatusReason()).isEqualTo(StatusReason.MODERATION_OFF));
        assertThat(pending).hasSize(60)
            .allSatisfy((comment) -> assertThat(comment.getStatusReason()).isEqualTo(StatusReason.MODERATION_ALL));
        long replies = all.stream().filter((comment) -> !comment.isTopLevel()).count();
        assertThat(replies).isEqualTo(filled.replies()).isBetween(510 * 20L / 100, 510 * 40L / 100);
        assertThat(all).allSatisfy((comment) -> assertThat(comment.getDepth()).isBetween(1, 3));
        assertThat(all).anySatisfy((comment) -> assertThat(comment.getDepth()).isEqualTo(3));
        assertThat(filled.deepest()).isEqualTo(3);
        assertThat(all).allSatisfy((comment) -> assertThat(Texts.codePoints(comment.getBody())).isBetween(100, 600));
        assertThat(all).filteredOn((comment) -> !comment.isTopLevel())
            .allSatisfy((reply) -> assertThat(this.comments.findById(reply.getParentId()).orElseThrow().isApproved())
                .isTrue());

        ThreadPage first = this.threads.page(article, 1, Optional.empty());
        assertThat(first.approvedCount()).isGreaterThanOrEqualTo(450);
        assertThat(first.threads()).hasSize(50);
        assertThat(this.settings.rules().mode()).isEqualTo(ModerationMode.NONE);
    }

    @Test
    void aLaterFillOfTheQueueRepliesToTheCommentsAlreadyThere() {
        this.bulk.fill(SLUG, 30, 0, 5);
        long before = lastId();

        BulkCommentImport.Filled filled = this.bulk.fill(SLUG, 0, 200, 6);

        List<Comment> added = addedSince(before);
        assertThat(added).hasSize(200)
            .allSatisfy((comment) -> assertThat(comment.getStatus()).isEqualTo(CommentStatus.PENDING));
        List<Comment> replies = added.stream().filter((comment) -> !comment.isTopLevel()).toList();
        assertThat(replies).hasSize(filled.replies()).hasSizeBetween(30, 90);
        assertThat(replies).allSatisfy((reply) -> {
            assertThat(reply.getParentId()).isLessThanOrEqualTo(before);
            assertThat(this.comments.findById(reply.getParentId()).orElseThrow().isApproved()).isTrue();
        });
        assertThat(this.settings.rules().mode()).isEqualTo(ModerationMode.NONE);
    }

    private long lastId() {
        return this.comments.findAll().stream().mapToLong(Comment::getId).max().orElse(0);
    }

    private List<Comment> addedSince(long id) {
        return this.comments.findAll().stream().filter((comment) -> comment.getId() > id).toList();
    }

    @Test
    void refusesAnArticleThatDoesNotExist() {
        assertThatExceptionOfType(ArticleNotFoundException.class)
            .isThrownBy(() -> this.bulk.fill("no-such-article", 10, 0, 1));
    }

}
