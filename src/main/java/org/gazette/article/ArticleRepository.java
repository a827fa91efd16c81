package org.gazette.article;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ArticleRepository extends JpaRepository<Article, Long> {

    /** The article with its whole body (blocks and photos) in one query. */
    @Query("""
            select distinct a from Article a
              left join fetch a.blocks b
              left join fetch b.photo
             where a.slug = :slug""")
    Optional<Article> findWithBodyBySlug(String slug);

    Optional<Article> findBySlug(String slug);

    /** The article with its whole body, for the desk's form. */
    @Query("""
            select distinct a from Article a
              left join fetch a.blocks b
              left join fetch b.photo
             where a.id = :id""")
    Optional<Article> findWithBodyById(long id);

    /** Whether an article other than the given one has the slug. */
    boolean existsBySlugAndIdNot(String slug, Long id);

    boolean existsBySourceKey(String sourceKey);

    boolean existsBySlug(String slug);

    List<Article> findAllByOrderByPublishedAtDescIdDesc();

    /** The stored page version of the published article with this slug, with what else its validators need. */
    @Query("""
            select new org.gazette.article.ArticleStamp(a.id, a.pageVersion, a.pageChangedAt, a.publishedAt,
                   a.commentsOpen)
              from Article a
             where a.slug = :slug and a.status = 'PUBLISHED'""")
    Optional<ArticleStamp> findStampBySlug(String slug);

    /**
     * The stored page versions of the published articles, summed up for the lists readers
     * see. Any change to a published article gives it a new, highest version; taking one
     * back leaves one fewer: either way the pair moves.
     */
    @Query("""
            select new org.gazette.article.SiteStamp(coalesce(max(a.pageVersion), 0), count(a), max(a.pageChangedAt))
              from Article a
             where a.status = 'PUBLISHED'""")
    SiteStamp findSiteStamp();

    /** The published article with this slug and its whole body, in one query; a draft is not found. */
    @Query("""
            select distinct a from Article a
              left join fetch a.blocks b
              left join fetch b.photo
             where a.slug = :slug and a.status = 'PUBLISHED'""")
    Optional<Article> findPublishedWithBodyBySlug(String slug);

    /** The published article with this slug, without its body; a draft is not found. */
    @Query("select a from Article a where a.slug = :slug and a.status = 'PUBLISHED'")
    Optional<Article> findPublishedBySlug(String slug);

    @Query("select count(a) > 0 from Article a where a.slug = :slug and a.status = 'PUBLISHED'")
    boolean existsPublishedBySlug(String slug);

    /**
     * Published articles, newest first, as lists show them. The order names the index's
     * columns ({@code ix_article_status_published}) so that the database reads it in order
     * and stops after the page.
     */
    @Query("""
            select new org.gazette.article.ArticleListing(a.id, a.slug, a.headline, a.byline, a.standfirst,
                   a.summary, a.publishedAt, a.updatedAt, a.pageChangedAt)
              from Article a
             where a.status = 'PUBLISHED'
             order by a.status desc, a.publishedAt desc, a.id desc""")
    List<ArticleListing> findPublishedNewestFirst(Pageable page);

    /** Published articles, oldest first, so that a new one joins the end of a list cut into parts. */
    @Query("""
            select new org.gazette.article.ArticleListing(a.id, a.slug, a.headline, a.byline, a.standfirst,
                   a.summary, a.publishedAt, a.updatedAt, a.pageChangedAt)
              from Article a
             where a.status = 'PUBLISHED'
             order by a.status, a.publishedAt, a.id""")
    List<ArticleListing> findPublishedOldestFirst(Pageable page);

}
