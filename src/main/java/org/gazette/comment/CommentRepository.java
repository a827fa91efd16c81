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
     * Approved top-level comments of an article in thread order. The order names the
     * index's leading columns so that H2, like PostgreSQL, reads the index in order and
     * stops after the page.
     */
    @Query("""
            select new org.gazette.comment.ThreadKey(c.id, c.createdAt) from Comment c
             where c.articleId = :articleId and c.depth = 1 and c.status = 'APPROVED'
             order by c.articleId, c.depth, c.status, c.createdAt, c.id""")
    List<ThreadKey> findApprovedThreads(Long articleId, Pageable page);

    @Query("select count(c) from Comment c where c.articleId = :articleId and c.depth = 1 and c.status = 'APPROVED'")
    long countApprovedThreads(Long articleId);

    /** How many approved top-level comments come before the given one in thread order. */
    @Query("""
            select count(c) from Comment c
             where c.articleId = :articleId and c.depth = 1 and c.status = 'APPROVED'
               and (c.createdAt < :createdAt or (c.createdAt = :createdAt and c.id < :id))""")
    long countApprovedThreadsBefore(Long articleId, Instant createdAt, Long id);

    /**
     * How many top-level comments readers see (approved, or standing as a placeholder
     * over approved replies) lie between two places in thread order, from {@code from}
     * (inclusive) to {@code to} (exclusive). Reads only that range of the index in
     * thread order ({@code V5}), whatever the number of comments before it.
     */
    @Query("""
            select count(c) from Comment c
             where c.articleId = :articleId and c.depth = 1
               and c.createdAt >= :fromAt and c.createdAt <= :toAt
               and (c.createdAt > :fromAt or c.id >= :fromId) and (c.createdAt < :toAt or c.id < :toId)
               and (c.status = 'APPROVED'
                    or exists (select r.id from Comment r where r.threadId = c.id and r.status = 'APPROVED'))""")
    long countVisibleThreadsBetween(Long articleId, Instant fromAt, Long fromId, Instant toAt, Long toId);

    /**
     * Top-level comments that readers no longer see but whose approved replies they do:
     * each stands as a "removed" placeholder. Few, whatever the size of the thread.
     */
    @Query("""
            select new org.gazette.comment.ThreadKey(c.id, c.createdAt) from Comment c
             where c.articleId = :articleId and c.depth = 1 and c.status <> 'APPROVED'
               and exists (select r.id from Comment r where r.threadId = c.id and r.status = 'APPROVED')
             order by c.createdAt, c.id""")
    List<ThreadKey> findRemovedThreadsWithVisibleReplies(Long articleId);

    /** The top-level comments of the given threads. */
    @Query("select c from Comment c where c.id in :threadIds order by c.createdAt, c.id")
    List<Comment> findRoots(Collection<Long> threadIds);

    /** Every reply in the given threads, in posting order. */
    @Query("select c from Comment c where c.threadId in :threadIds order by c.createdAt, c.id")
    List<Comment> findReplies(Collection<Long> threadIds);

    /** Whether the same name already posted the same text on the article, in any status. */
    @Query("""
            select count(c) > 0 from Comment c
             where c.articleId = :articleId and c.bodyHash = :bodyHash and c.authorName = :name""")
    boolean existsDuplicate(Long articleId, String bodyHash, String name);

    /** Whether the same email already posted the same text on the article, under any name. */
    @Query("""
            select count(c) > 0 from Comment c
             where c.articleId = :articleId and c.bodyHash = :bodyHash and c.authorEmail = :email""")
    boolean existsSameTextWithEmail(Long articleId, String bodyHash, String email);

    /** When a client of this network (see {@code ClientAddresses.limitKey}) last commented. */
    @Query("select max(c.createdAt) from Comment c where c.clientNetwork = :clientNetwork")
    Optional<Instant> lastCommentFromNetwork(String clientNetwork);

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

    /** Approved comments per article, for the given articles only: rows of article id and count. */
    @Query("""
            select c.articleId, count(c) from Comment c
             where c.articleId in :articleIds and c.status = 'APPROVED'
             group by c.articleId""")
    List<Object[]> countApprovedOf(Collection<Long> articleIds);

    /** The article's newest approved comments, newest first (read from {@code ix_comment_article_queue}). */
    @Query("""
            select c from Comment c
             where c.articleId = :articleId and c.status = 'APPROVED'
             order by c.articleId desc, c.status desc, c.createdAt desc, c.id desc""")
    List<Comment> findNewestApproved(Long articleId, Pageable page);

    /**
     * The given top-level comments, each with how many approved top-level comments of its
     * article come before it in thread order: rows of id, creation time and that count.
     */
    @Query("""
            select r.id, r.createdAt,
                   (select count(c) from Comment c
                     where c.articleId = r.articleId and c.depth = 1 and c.status = 'APPROVED'
                       and (c.createdAt < r.createdAt or (c.createdAt = r.createdAt and c.id < r.id)))
              from Comment r
             where r.id in :rootIds""")
    List<Object[]> findApprovedThreadsBefore(Collection<Long> rootIds);

    /** Forgets the client addresses (and networks) of comments posted before the cut-off (privacy retention). */
    @Modifying
    @Query("""
            update Comment c set c.clientAddress = null, c.clientNetwork = null
             where (c.clientAddress is not null or c.clientNetwork is not null) and c.createdAt < :cutoff""")
    int clearClientAddressesBefore(Instant cutoff);

}
