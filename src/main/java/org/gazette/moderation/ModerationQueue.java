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

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the moderation queue: one tab's page with everything its rows show, in a fixed
 * number of queries whatever the number of rows (the tab counts, the page and its
 * total, the authors' histories, the latest audit line of each row, the article
 * filter's choices).
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

    ModerationQueue(QueueRepository comments, AuditLog audit, CommentRenderer renderer, StaffReplies staff) {
        this.comments = comments;
        this.audit = audit;
        this.renderer = renderer;
        this.staff = staff;
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
        Page<Comment> page = find(query);
        if (query.page() > 1 && page.getContent().isEmpty()) {
            throw new QueuePageNotFoundException();
        }
        List<Comment> found = page.getContent();
        Map<String, AuthorHistory> histories = histories(found);
        Map<Long, ModerationEvent> latest = this.audit.latestFor(found.stream().map(Comment::getId).toList());
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
        return new QueuePage(query, counts, rows, page.getTotalElements(), PAGE_SIZE, articles);
    }

    /** How many pages the query's tab has now (at least 1): where to come back to after an action. */
    @Transactional(readOnly = true)
    public int pageCount(QueueQuery query) {
        long total = this.comments
            .queue(query.status(), query.articleId(), query.commentId(), query.searchPattern(), PageRequest.of(0, 1))
            .getTotalElements();
        return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    /** Comments per status (optionally of one article), every status present: one grouped query. */
    @Transactional(readOnly = true)
    public Map<CommentStatus, Long> counts(Long articleId) {
        Map<CommentStatus, Long> counts = new EnumMap<>(CommentStatus.class);
        for (CommentStatus status : CommentStatus.values()) {
            counts.put(status, 0L);
        }
        for (Object[] row : this.comments.countByStatus(articleId)) {
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

    private Page<Comment> find(QueueQuery query) {
        Sort.Direction direction = query.newestFirst() ? Sort.Direction.DESC : Sort.Direction.ASC;
        PageRequest request = PageRequest.of(query.page() - 1, PAGE_SIZE,
                Sort.by(direction, "createdAt").and(Sort.by(direction, "id")));
        return this.comments.queue(query.status(), query.articleId(), query.commentId(), query.searchPattern(),
                request);
    }

    private Map<String, AuthorHistory> histories(List<Comment> found) {
        Set<String> emails = new LinkedHashSet<>();
        found.forEach((comment) -> emails.add(comment.getAuthorEmail()));
        if (emails.isEmpty()) {
            return Map.of();
        }
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
