package org.gazette.article;

import java.util.List;
import java.util.Optional;

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

    /** The stored page version of the article with this slug, with what else its validators need. */
    @Query("""
            select new org.gazette.article.ArticleStamp(a.id, a.pageVersion, a.pageChangedAt, a.publishedAt,
                   a.commentsOpen)
              from Article a
             where a.slug = :slug""")
    Optional<ArticleStamp> findStampBySlug(String slug);

    /** The stored page versions of all articles, summed up for the front page. */
    @Query("""
            select new org.gazette.article.SiteStamp(coalesce(max(a.pageVersion), 0), count(a), max(a.pageChangedAt))
              from Article a""")
    SiteStamp findSiteStamp();

}
