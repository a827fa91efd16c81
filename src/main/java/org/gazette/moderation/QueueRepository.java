package org.gazette.moderation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.gazette.comment.Comment;
import org.gazette.comment.CommentStatus;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * The desk's view of the comments: the queue with its filters ({@link QueueListing}),
 * the tab counts and the authors' histories, each one query whatever the number of rows.
 */
interface QueueRepository extends Repository<Comment, Long>, QueueListing {

    Optional<Comment> findById(Long id);

    @Query("select c from Comment c join fetch c.article left join fetch c.parent where c.id = :id")
    Optional<Comment> findForDesk(Long id);

    /** The selected comments (for ordering a bulk action and for its confirmation page). */
    @Query("select c from Comment c join fetch c.article where c.id in :ids")
    List<Comment> findForDesk(Collection<Long> ids);

    void delete(Comment comment);

    @Query("select count(c) > 0 from Comment c where c.parentId = :id")
    boolean hasReplies(Long id);

    /** How many comments each status holds on the whole site: rows of (status, count). */
    @Query("select c.status, count(c) from Comment c group by c.status")
    List<Object[]> countByStatus();

    /** How many comments each status holds on one article: rows of (status, count). */
    @Query("select c.status, count(c) from Comment c where c.articleId = :articleId group by c.status")
    List<Object[]> countByStatusOf(Long articleId);

    /** The authors' histories: rows of (email, status, count) for the given emails. */
    @Query("""
            select c.authorEmail, c.status, count(c) from Comment c
             where c.authorEmail in :emails
             group by c.authorEmail, c.status""")
    List<Object[]> historyOf(Collection<String> emails);

    /** Articles that have comments, newest first, for the article filter. */
    @Query("""
            select new org.gazette.moderation.ArticleChoice(a.id, a.slug, a.headline) from Article a
             where exists (select c.id from Comment c where c.articleId = a.id)
             order by a.publishedAt desc, a.id desc""")
    List<ArticleChoice> articlesWithComments(Pageable page);

    @Query("select new org.gazette.moderation.ArticleChoice(a.id, a.slug, a.headline) from Article a where a.id in :ids")
    List<ArticleChoice> articles(Collection<Long> ids);

    /** What the audit log needs to link to its comments: rows of (id, author name, status, article id). */
    @Query("select c.id, c.authorName, c.status, c.articleId from Comment c where c.id in :ids")
    List<Object[]> summaries(Collection<Long> ids);

}
