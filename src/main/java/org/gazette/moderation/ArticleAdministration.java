package org.gazette.moderation;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.persistence.EntityManager;
import org.gazette.article.Article;
import org.gazette.article.ArticleDesk;
import org.gazette.article.ArticleDraft;
import org.gazette.article.ArticleRepository;
import org.gazette.article.ArticleSaved;
import org.gazette.article.ArticleStatus;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The desk's Articles section: the list, and every create, edit, publish and unpublish
 * through {@link ArticleDesk} with its line in the audit log, in one transaction.
 */
@Service
class ArticleAdministration {

    /** Articles per page of the list. */
    static final int ARTICLES_PER_PAGE = 25;

    private final ArticleDesk desk;

    private final ArticleRepository articles;

    private final AuditLog audit;

    private final EntityManager entities;

    ArticleAdministration(ArticleDesk desk, ArticleRepository articles, AuditLog audit, EntityManager entities) {
        this.desk = desk;
        this.articles = articles;
        this.audit = audit;
        this.entities = entities;
    }

    /** One page of articles, newest dateline first (page numbers from 0), with their approved comments. */
    @Transactional(readOnly = true)
    Page<ArticleRow> list(int page) {
        Page<Article> found = this.articles.findAll(PageRequest.of(page, ARTICLES_PER_PAGE,
                Sort.by(Sort.Order.desc("publishedAt"), Sort.Order.desc("id"))));
        Map<Long, Long> counts = approvedComments(found.map(Article::getId).getContent());
        return found.map((article) -> new ArticleRow(article.getId(), article.getHeadline(), article.getSlug(),
                article.isPublished(), article.getPublishedAt(), counts.getOrDefault(article.getId(), 0L),
                article.isCommentsOpen()));
    }

    @Transactional
    ArticleSaved create(ArticleDraft draft, boolean publish, String editor) {
        ArticleSaved saved = this.desk.create(draft, publish);
        record(saved, editor);
        return saved;
    }

    @Transactional
    ArticleSaved save(long id, long version, ArticleDraft draft, ArticleStatus status, String editor) {
        ArticleSaved saved = this.desk.save(id, version, draft, status);
        record(saved, editor);
        return saved;
    }

    private void record(ArticleSaved saved, String editor) {
        String before = state(saved.before());
        String after = state(saved.after());
        if (saved.created()) {
            this.audit.record(editor, AuditAction.ARTICLE_CREATE, null, saved.id(), null, after, saved.headline());
        }
        else if (saved.edited()) {
            this.audit.record(editor, AuditAction.ARTICLE_EDIT, null, saved.id(), before, before, saved.headline());
        }
        if (saved.published()) {
            this.audit.record(editor, AuditAction.ARTICLE_PUBLISH, null, saved.id(), saved.created() ? null : before,
                    after, saved.headline());
        }
        else if (saved.unpublished()) {
            this.audit.record(editor, AuditAction.ARTICLE_UNPUBLISH, null, saved.id(), before, after,
                    saved.headline());
        }
    }

    private Map<Long, Long> approvedComments(List<Long> articleIds) {
        Map<Long, Long> counts = new HashMap<>();
        if (articleIds.isEmpty()) {
            return counts;
        }
        List<Object[]> rows = this.entities.createQuery("""
                select c.articleId, count(c) from Comment c
                 where c.articleId in :ids and c.status = org.gazette.comment.CommentStatus.APPROVED
                 group by c.articleId""", Object[].class).setParameter("ids", articleIds).getResultList();
        for (Object[] row : rows) {
            counts.put((Long) row[0], (Long) row[1]);
        }
        return counts;
    }

    private static String state(ArticleStatus status) {
        return (status != null) ? status.name().toLowerCase(Locale.ROOT) : null;
    }

}
