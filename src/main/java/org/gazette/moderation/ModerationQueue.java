package org.gazette.moderation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.gazette.comment.Comment;
import org.gazette.comment.CommentRenderer;
import org.gazette.comment.CommentStatus;
import org.gazette.comment.StaffReplies;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the moderation queue: one tab's page with everything its rows show, in a fixed
 * number of queries whatever the number of rows or of pending comments (the tab counts,
 * which also give the page's total unless a search or a single comment narrows the tab,
 * the page's ids, its rows, the authors' histories, the latest audit line of each row,
 * the article filter's choices). The tab counts, histories and audit lines read since
 * the last write are kept ({@link QueueTallies}), so a page usually costs only its ids,
 * its rows and the article choices; each row's text is rendered from the renderer's
 * cache.
 */
@Service
class ModerationQueue {

    static final int PAGE_SIZE = 20;

    /** How many articles the filter offers (newest first, those with comments). */
    static final int ARTICLE_CHOICES = 100;

    private final QueueRepository comments;

    private final AuditLog audit;

    private final CommentRenderer renderer;

    private final StaffReplies staff;

    private final QueueTallies tallies;

    ModerationQueue(QueueRepository comments, AuditLog audit, CommentRenderer renderer, StaffReplies staff,
            QueueTallies tallies) {
        this.comments = comments;
        this.audit = audit;
        this.renderer = renderer;
        this.staff = staff;
        this.tallies = tallies;
    }

    /**
     * The page of the queue the query asks for.
     * @throws QueuePageNotFoundException the page is past the last one
     */
    @Transactional(readOnly = true)
    public QueuePage page(QueueQuery query) {
        if (query.page() > Integer.MAX_VALUE / PAGE_SIZE) {
            throw new QueuePageNotFoundException();
        }
        Map<CommentStatus, Long> counts = counts(query.articleId());
        List<Comment> found = rows(query);
        if (query.page() > 1 && found.isEmpty()) {
            throw new QueuePageNotFoundException();
        }
        long total = total(query, counts);
        Map<String, AuthorHistory> histories = histories(found);
        Map<Long, ModerationEvent> latest = this.tallies.latestLines(found.stream().map(Comment::getId).toList(),
                this.audit::latestFor);
        List<QueueRow> rows = new ArrayList<>(found.size());
        for (Comment comment : found) {
            List<QueueRow.RowAction> actions = DeskAction.allowedActions(comment.getStatus())
                .stream()
                .map(QueueRow.RowAction::of)
                .toList();
            boolean replyable = (comment.getStatus() == CommentStatus.PENDING || comment.isApproved())
                    && this.staff.acceptsReplies(comment);
            rows.add(new QueueRow(comment, this.renderer.toHtml(comment.getBody()),
                    histories.get(comment.getAuthorEmail()), latest.get(comment.getId()), actions, replyable));
        }
        List<ArticleChoice> articles = new ArrayList<>(
                this.comments.articlesWithComments(PageRequest.of(0, ARTICLE_CHOICES)));
        return new QueuePage(query, counts, rows, total, PAGE_SIZE, articles);
    }

    /** How many pages the query's tab has now (at least 1): where to come back to after an action. */
    @Transactional(readOnly = true)
    public int pageCount(QueueQuery query) {
        long total = needsOwnCount(query) ? this.comments.count(query)
                : counts(query.articleId()).get(query.status());
        return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    /**
     * Comments per status (optionally of one article), every status present: one grouped
     * query, unless no comment was written since it last ran ({@link QueueTallies}).
     */
    @Transactional(readOnly = true)
    public Map<CommentStatus, Long> counts(Long articleId) {
        return this.tallies.counts(articleId, () -> countNow(articleId));
    }

    private Map<CommentStatus, Long> countNow(Long articleId) {
        Map<CommentStatus, Long> counts = new EnumMap<>(CommentStatus.class);
        for (CommentStatus status : CommentStatus.values()) {
            counts.put(status, 0L);
        }
        List<Object[]> rows = (articleId != null) ? this.comments.countByStatusOf(articleId)
                : this.comments.countByStatus();
        for (Object[] row : rows) {
            counts.put((CommentStatus) row[0], (Long) row[1]);
        }
        return counts;
    }

    /** A comment with its article and parent, for the edit and reply pages. */
    @Transactional(readOnly = true)
    public Optional<Comment> comment(long id) {
        return this.comments.findForDesk(id);
    }

    /** The selected comments with their articles, in the order given; missing ones are left out. */
    @Transactional(readOnly = true)
    public List<Comment> comments(List<Long> ids) {
        Map<Long, Comment> byId = new HashMap<>();
        for (Comment comment : this.comments.findForDesk(ids)) {
            byId.put(comment.getId(), comment);
        }
        return ids.stream().distinct().map(byId::get).filter((comment) -> comment != null).toList();
    }

    /** A comment as the edit, reply and delete pages show it: the row without its actions. */
    QueueRow summary(Comment comment) {
        return new QueueRow(comment, this.renderer.toHtml(comment.getBody()), null, null, List.of(), false);
    }

    /**
     * The page's comments with their articles and parents: the ids first, read from an
     * index in the tab's order (from the end of the nearest earlier page already read
     * since the last write, if any), then those rows alone.
     */
    private List<Comment> rows(QueueQuery query) {
        long seen = this.tallies.generation();
        Map.Entry<Integer, QueuePlace> start = this.tallies.pageEndBefore(query);
        int pagesBefore = query.page() - 1 - ((start != null) ? start.getKey() : 0);
        List<Long> ids = this.comments.pageIds(query, (start != null) ? start.getValue() : null,
                (long) pagesBefore * PAGE_SIZE, PAGE_SIZE);
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Comment> byId = new HashMap<>();
        for (Comment comment : this.comments.findForQueue(ids)) {
            byId.put(comment.getId(), comment);
        }
        // a comment deleted between the two statements is left out
        List<Comment> found = ids.stream().map(byId::get).filter((comment) -> comment != null).toList();
        if (found.size() == ids.size()) {
            Comment last = found.get(found.size() - 1);
            this.tallies.pageEnded(query, seen, new QueuePlace(last.getCreatedAt(), last.getId()));
        }
        return found;
    }

    /** How many comments the tab holds under the filters: the tab's count unless a search or one comment narrows it. */
    private long total(QueueQuery query, Map<CommentStatus, Long> counts) {
        return needsOwnCount(query) ? this.comments.count(query) : counts.get(query.status());
    }

    /** Whether the tab counts (of the site or of the filtered article) do not already give the total. */
    private static boolean needsOwnCount(QueueQuery query) {
        return query.search() != null || query.commentId() != null;
    }

    /** The histories of the rows' authors: one query for those not kept since the last write. */
    private Map<String, AuthorHistory> histories(List<Comment> found) {
        Set<String> emails = new LinkedHashSet<>();
        found.forEach((comment) -> emails.add(comment.getAuthorEmail()));
        if (emails.isEmpty()) {
            return Map.of();
        }
        return this.tallies.histories(emails, this::historiesNow);
    }

    private Map<String, AuthorHistory> historiesNow(Set<String> emails) {
        Map<String, Map<CommentStatus, Long>> counts = new HashMap<>();
        for (Object[] row : this.comments.historyOf(emails)) {
            counts.computeIfAbsent((String) row[0], (email) -> new EnumMap<>(CommentStatus.class))
                .put((CommentStatus) row[1], (Long) row[2]);
        }
        Map<String, AuthorHistory> histories = new HashMap<>();
        for (String email : emails) {
            Map<CommentStatus, Long> byStatus = counts.getOrDefault(email, Map.of());
            histories.put(email, new AuthorHistory(email, byStatus.getOrDefault(CommentStatus.APPROVED, 0L),
                    byStatus.getOrDefault(CommentStatus.PENDING, 0L), byStatus.getOrDefault(CommentStatus.SPAM, 0L)));
        }
        return histories;
    }

}
