package org.gazette.exchange;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import org.gazette.Change;
import org.gazette.SharedChanges;
import org.gazette.article.Article;
import org.gazette.article.ArticleRepository;
import org.gazette.article.ArticleStatus;
import org.gazette.article.PhotoCaption;
import org.gazette.article.Slugs;
import org.gazette.comment.CommentImports;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes articles with their comments, whole articles per transaction, so a failure
 * never leaves half a thread: each article found by its source key (or created), then
 * its comments not stored yet. What readers and the desk see changes at the commit, on
 * every node.
 */
@Component
class ArticleWriter {

    private final ArticleRepository articles;

    private final CommentImports comments;

    private final SharedChanges changes;

    private final JdbcTemplate jdbc;

    private final TransactionTemplate transactions;

    private final Clock clock;

    private final EntityManager entityManager;

    ArticleWriter(ArticleRepository articles, CommentImports comments, SharedChanges changes, JdbcTemplate jdbc,
            PlatformTransactionManager transactionManager, Clock clock, EntityManager entityManager) {
        this.entityManager = entityManager;
        this.articles = articles;
        this.comments = comments;
        this.changes = changes;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * Stores whole articles with their comments in one transaction (fewer commits, each
     * one written to the file on H2); if that fails, again one article per transaction,
     * so the articles before the one that fails are stored whole and that one not at all.
     * @throws ArticleFailedException naming the article that could not be stored
     */
    List<Written> writeAll(List<Piece> pieces) {
        try {
            return this.transactions.execute((status) -> pieces.stream().map(this::writeOne).toList());
        }
        catch (DataAccessException ex) {
            if (pieces.size() == 1) {
                throw new ArticleFailedException(pieces.get(0).name(), ex);
            }
        }
        List<Written> written = new ArrayList<>();
        for (Piece piece : pieces) {
            written.addAll(writeAll(List.of(piece)));
        }
        return written;
    }

    private Written writeOne(Piece piece) {
        return (piece.thread() != null) ? writeThread(piece.thread(), piece.comments())
                : write(piece.draft(), piece.comments());
    }

    /** Stores the draft (unless its source key is there) and its comments. */
    Written write(Draft draft, List<CommentImports.Incoming> incoming) {
        return this.transactions.execute((status) -> {
            Optional<Long> stored = idBySourceKey(draft.sourceKey());
            long id = stored.orElseGet(() -> create(draft, draft.slug()));
            CommentImports.Written written = this.comments.write(id, stored.isEmpty(), incoming);
            return new Written(id, stored.isEmpty(), null, null, written);
        });
    }

    /**
     * Stores a Disqus thread's comments under the article its link names: an article
     * imported from the thread before, else the one whose slug the link ends in, else a
     * new draft (a stub the editor is told about).
     */
    Written writeThread(DisqusThread thread, List<CommentImports.Incoming> incoming) {
        return this.transactions.execute((status) -> {
            Optional<Long> stored = idBySourceKey(thread.sourceKey());
            String slug = thread.linkSlug();
            if (stored.isEmpty() && slug != null) {
                stored = this.articles.findBySlug(slug).map(Article::getId);
            }
            String stubSlug = null;
            long id;
            if (stored.isPresent()) {
                id = stored.get();
            }
            else {
                String headline = (thread.title() != null && !thread.title().isBlank())
                        ? Draft.shortened(thread.title().strip(), Draft.MAX_HEADLINE) : "Untitled";
                Instant date = (thread.createdAt() != null) ? thread.createdAt() : this.clock.instant();
                Draft stub = new Draft(thread.sourceKey(), slug, headline, date, null, null, ArticleStatus.DRAFT,
                        !thread.closed(), List.of());
                id = create(stub, slug);
                stubSlug = this.jdbc.queryForObject("select slug from article where id = ?", String.class, id);
            }
            CommentImports.Written written = this.comments.write(id, stored.isEmpty(), incoming);
            return new Written(id, stored.isEmpty(), stubSlug, thread, written);
        });
    }

    /** Stores a single-file article (Markdown), or finds it stored. */
    Written write(Draft draft) {
        return write(draft, List.of());
    }

    private Optional<Long> idBySourceKey(String sourceKey) {
        return this.jdbc.queryForList("select id from article where source_key = ?", Long.class, sourceKey)
            .stream()
            .findFirst();
    }

    private long create(Draft draft, String preferredSlug) {
        Instant now = this.clock.instant();
        Article article = new Article(freeSlug((preferredSlug != null) ? preferredSlug : Slugs.of(draft.headline())),
                draft.headline(), draft.publishedAt(), now);
        article.importedFrom(draft.sourceKey());
        article.importedAs(draft.status(), draft.byline(), draft.standfirst());
        article.setCommentsOpen(draft.commentsOpen(), now);
        for (Draft.Block block : draft.blocks()) {
            if (block instanceof Draft.Paragraph paragraph) {
                article.addParagraph(paragraph.text());
            }
            else if (block instanceof Draft.Subheading subheading) {
                article.addSubheading(subheading.text());
            }
            else if (block instanceof Draft.Photo photo) {
                article.addPhoto(new PhotoCaption(photo.caption(), photo.credit(), photo.imageUrl(), photo.altText()));
            }
        }
        long id = this.articles.saveAndFlush(article).getId();
        // Written: forgetting it keeps the flushes of the next articles in this transaction from checking it again.
        this.entityManager.clear();
        this.changes.publish(Change.article(id));
        return id;
    }

    private String freeSlug(String base) {
        String slug = base;
        for (int n = 2; this.articles.existsBySlug(slug); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }

    /**
     * What one write did.
     *
     * @param articleId the article
     * @param created whether the article was created now
     * @param stubSlug for a Disqus thread that matched no article, the new stub's slug
     * @param thread the Disqus thread written, or {@code null}
     * @param comments what happened to the comments
     */
    record Written(long articleId, boolean created, String stubSlug, DisqusThread thread,
            CommentImports.Written comments) {

    }

    /**
     * An article (or a Disqus thread) with its comments, waiting to be written.
     *
     * @param draft the article, or {@code null} for a thread
     * @param thread the Disqus thread, or {@code null}
     * @param comments its comments
     */
    record Piece(Draft draft, DisqusThread thread, List<CommentImports.Incoming> comments) {

        String name() {
            return (this.thread != null) ? "Disqus thread " + this.thread.id() : "article " + this.draft.sourceKey();
        }

    }

    /** An article that could not be stored: nothing of it was. */
    static final class ArticleFailedException extends RuntimeException {

        private final String name;

        ArticleFailedException(String name, DataAccessException cause) {
            super(name + ": " + cause.getMostSpecificCause().getMessage(), cause);
            this.name = name;
        }

        String name() {
            return this.name;
        }

    }

}
