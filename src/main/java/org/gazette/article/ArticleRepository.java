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

    boolean existsBySourceKey(String sourceKey);

    boolean existsBySlug(String slug);

    List<Article> findAllByOrderByPublishedAtDescIdDesc();

}
