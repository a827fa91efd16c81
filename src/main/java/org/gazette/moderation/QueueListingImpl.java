package org.gazette.moderation;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.gazette.comment.Comment;

/**
 * One statement per combination of the queue's filters, chosen here rather than written
 * once with {@code (:param is null or ...)}: a condition the editor did not ask for is
 * not in the statement, so the database sees plain equalities on the tab's status (and
 * article) and walks the queue's indexes ({@code (status, created_at, id)} and
 * {@code (article_id, status, created_at, id)}) in the tab's order, reading only the ids
 * up to the page. The order names the filter's equality columns first, which changes
 * nothing in the result but lets H2 see that the index is already in that order.
 * Search patterns are lower case, with {@code !} escaping {@code %}, {@code _} and
 * itself ({@link QueueQuery#searchPattern()}). A page after one whose end is known
 * starts the range there ({@link QueuePlace}) rather than skipping every comment before.
 * <p>
 * A page's rows are read by a statement of fixed shape, {@value #ROWS_AT_ONCE} single
 * parameters rather than one list parameter: Hibernate translates a statement with a
 * list parameter to SQL anew on every call (its values are part of what the translation
 * depends on), which was about half of the cost of reading the rows and 7% of a queue
 * page's CPU ({@code bench/queue-cpu.sh}, sampled); a statement without one is
 * translated once. Fewer ids than that repeat the last one.
 */
class QueueListingImpl implements QueueListing {

    /** How many rows one statement reads: a queue page. */
    static final int ROWS_AT_ONCE = ModerationQueue.PAGE_SIZE;

    private static final String ROWS = IntStream.rangeClosed(1, ROWS_AT_ONCE)
        .mapToObj((position) -> "?" + position)
        .collect(Collectors.joining(", ",
                "select c from Comment c join fetch c.article left join fetch c.parent where c.id in (", ")"));

    private final EntityManager entities;

    QueueListingImpl(EntityManager entities) {
        this.entities = entities;
    }

    @Override
    public List<Long> pageIds(QueueQuery query, QueuePlace after, long offset, int limit) {
        String direction = query.newestFirst() ? " desc" : " asc";
        StringBuilder jpql = new StringBuilder("select c.id from Comment c");
        appendConditions(jpql, query);
        if (after != null) {
            // past the place in the tab's order, written so that the place starts the index range
            String beyond = query.newestFirst() ? "<" : ">";
            jpql.append(" and c.createdAt ").append(beyond).append("= :afterAt and (c.createdAt ")
                .append(beyond).append(" :afterAt or c.id ").append(beyond).append(" :afterId)");
        }
        jpql.append(" order by ");
        if (query.articleId() != null) {
            jpql.append("c.articleId").append(direction).append(", ");
        }
        jpql.append("c.status")
            .append(direction)
            .append(", c.createdAt")
            .append(direction)
            .append(", c.id")
            .append(direction);
        TypedQuery<Long> select = this.entities.createQuery(jpql.toString(), Long.class);
        bind(select, query);
        if (after != null) {
            select.setParameter("afterAt", after.createdAt()).setParameter("afterId", after.id());
        }
        return select.setFirstResult(Math.toIntExact(offset)).setMaxResults(limit).getResultList();
    }

    @Override
    public long count(QueueQuery query) {
        StringBuilder jpql = new StringBuilder("select count(c) from Comment c");
        appendConditions(jpql, query);
        TypedQuery<Long> count = this.entities.createQuery(jpql.toString(), Long.class);
        bind(count, query);
        return count.getSingleResult();
    }

    @Override
    public List<Comment> findForQueue(List<Long> ids) {
        List<Comment> found = new ArrayList<>(ids.size());
        for (int from = 0; from < ids.size(); from += ROWS_AT_ONCE) {
            List<Long> some = ids.subList(from, Math.min(ids.size(), from + ROWS_AT_ONCE));
            TypedQuery<Comment> select = this.entities.createQuery(ROWS, Comment.class);
            for (int position = 1; position <= ROWS_AT_ONCE; position++) {
                select.setParameter(position, some.get(Math.min(position, some.size()) - 1));
            }
            found.addAll(select.getResultList());
        }
        return found;
    }

    private static void appendConditions(StringBuilder jpql, QueueQuery query) {
        jpql.append(" where c.status = :status");
        if (query.articleId() != null) {
            jpql.append(" and c.articleId = :articleId");
        }
        if (query.commentId() != null) {
            jpql.append(" and c.id = :commentId");
        }
        if (query.search() != null) {
            jpql.append(" and (lower(c.authorName) like :pattern escape '!'")
                .append(" or lower(c.authorEmail) like :pattern escape '!'")
                .append(" or lower(c.authorWebsite) like :pattern escape '!'")
                .append(" or lower(c.clientAddress) like :pattern escape '!'")
                .append(" or lower(c.body) like :pattern escape '!')");
        }
    }

    private static void bind(TypedQuery<?> statement, QueueQuery query) {
        statement.setParameter("status", query.status());
        if (query.articleId() != null) {
            statement.setParameter("articleId", query.articleId());
        }
        if (query.commentId() != null) {
            statement.setParameter("commentId", query.commentId());
        }
        if (query.search() != null) {
            statement.setParameter("pattern", query.searchPattern());
        }
    }

}
