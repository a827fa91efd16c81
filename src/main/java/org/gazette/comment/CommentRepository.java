package org.gazette.comment;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface CommentRepository extends JpaRepository<Comment, Long> {

    @Query("select count(c) from Comment c where c.articleId = :articleId and c.status = 'APPROVED'")
    long countApproved(Long articleId);

    /**
     * Top-level comments readers see: approved ones, and removed ones that still have
     * approved replies (shown as a placeholder).
     */
    @Query("""
            select count(c) from Comment c
             where c.articleId = :articleId and c.parentId is null
               and (c.status = 'APPROVED' or exists (
                    select r.id from Comment r where r.threadId = c.id and r.status = 'APPROVED'))""")
    long countVisibleThreads(Long articleId);

    @Query("""
            select c.id from Comment c
             where c.articleId = :articleId and c.parentId is null
               and (c.status = 'APPROVED' or exists (
                    select r.id from Comment r where r.threadId = c.id and r.status = 'APPROVED'))
             order by c.createdAt, c.id""")
    List<Long> findVisibleThreadIds(Long articleId, Pageable page);

    /** How many visible threads come before the given moment (for the page a thread is on). */
    @Query("""
            select count(c) from Comment c
             where c.articleId = :articleId and c.parentId is null
               and (c.createdAt < :createdAt or (c.createdAt = :createdAt and c.id < :id))
               and (c.status = 'APPROVED' or exists (
                    select r.id from Comment r where r.threadId = c.id and r.status = 'APPROVED'))""")
    long countVisibleThreadsBefore(Long articleId, Instant createdAt, Long id);

    /** Every comment of the given threads, roots included, in posting order. */
    @Query("select c from Comment c where c.id in :threadIds or c.threadId in :threadIds order by c.createdAt, c.id")
    List<Comment> findThreads(Collection<Long> threadIds);

    @Query("""
            select count(c) > 0 from Comment c
             where c.articleId = :articleId and c.bodyHash = :bodyHash
               and (c.authorName = :name or c.authorEmail = :email)""")
    boolean existsDuplicate(Long articleId, String bodyHash, String name, String email);

    @Query("select max(c.createdAt) from Comment c where c.clientAddress = :clientAddress")
    Optional<Instant> lastCommentFromAddress(String clientAddress);

    @Query("select max(c.createdAt) from Comment c where c.authorEmail = :email")
    Optional<Instant> lastCommentFromEmail(String email);

    @Query("""
            select count(c) > 0 from Comment c
             where c.authorEmail = :email and c.authorName = :name and c.status = 'APPROVED'""")
    boolean existsApproved(String name, String email);

    @Query("select c from Comment c join fetch c.article where c.id = :id")
    Optional<Comment> findWithArticle(Long id);

    @Query("select c.articleId, count(c) from Comment c where c.status = 'APPROVED' group by c.articleId")
    List<Object[]> countApprovedByArticle();

    /** Forgets the client addresses of comments posted before the cut-off (privacy retention). */
    @Modifying
    @Query("update Comment c set c.clientAddress = null where c.clientAddress is not null and c.createdAt < :cutoff")
    int clearClientAddressesBefore(Instant cutoff);

}
