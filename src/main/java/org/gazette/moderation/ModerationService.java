package org.gazette.moderation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gazette.SharedChanges;
import org.gazette.comment.Comment;
import org.gazette.comment.CommentStatus;
import org.gazette.comment.StaffReplies;
import org.gazette.editor.EditorAccount;
import org.gazette.editor.EditorAccountRepository;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The editors' actions on comments: the moves of the queue, permanent deletes, edits
 * and staff replies. Each comment is changed in a transaction of its own together
 * with its audit line, so a bulk action that meets one conflict still does the rest.
 * <p>
 * Two editors never silently overwrite each other: every action names the version of
 * the comment the editor's page showed, and a comment whose version has moved on since
 * (another editor acted minutes ago) is left alone and reported as a conflict; two
 * editors acting at the same instant are caught by the comment's {@code @Version} when
 * the second one commits, with the same outcome.
 * <p>
 * A comment that still has replies is not deleted permanently: it stays where it is
 * (in Spam or Trash), so its replies keep their place under a "This comment was
 * removed." placeholder. Deleting its replies first lets it go; a bulk delete handles
 * the deepest comments first, so a whole removed thread can go in one action.
 * <p>
 * Each change is published ({@link SharedChanges}) in the transaction that makes it.
 */
@Service
class ModerationService {

    /** The domain of staff replies' addresses, reserved so that it never delivers: {@code jane@staff.invalid}. */
    static final String STAFF_EMAIL_DOMAIN = "staff.invalid";

    private final QueueRepository comments;

    private final AuditLog audit;

    private final StaffReplies staff;

    private final EditorAccountRepository accounts;

    private final TransactionTemplate transactions;

    private final SharedChanges changes;

    private final Clock clock;

    ModerationService(QueueRepository comments, AuditLog audit, StaffReplies staff, EditorAccountRepository accounts,
            PlatformTransactionManager transactionManager, SharedChanges changes, Clock clock) {
        this.comments = comments;
        this.audit = audit;
        this.staff = staff;
        this.accounts = accounts;
        this.transactions = new TransactionTemplate(transactionManager);
        this.changes = changes;
        this.clock = clock;
    }

    /**
     * Applies an action to the given comments, each in its own transaction with its audit
     * line.
     * @param editor the username of the editor acting
     * @param action what to do
     * @param refs the comments, each with the version the editor saw
     * @return what was done, what conflicted and what was refused
     */
    ActionReport apply(String editor, DeskAction action, List<CommentRef> refs) {
        List<CommentRef> ordered = action.isDelete() ? deepestFirst(refs) : distinct(refs);
        int done = 0;
        List<ActionReport.Conflict> conflicts = new ArrayList<>();
        List<ActionReport.Refusal> refusals = new ArrayList<>();
        for (CommentRef ref : ordered) {
            try {
                ActionReport.Refusal refusal = this.transactions.execute((status) -> applyOne(editor, action, ref));
                if (refusal != null) {
                    refusals.add(refusal);
                }
                else {
                    done++;
                }
            }
            catch (CommentChangedException ex) {
                conflicts.add(ex.conflict());
            }
            catch (ConcurrencyFailureException ex) {
                conflicts.add(conflict(ref.id()));
            }
        }
        return new ActionReport(action, done, conflicts, refusals);
    }

    /**
     * Replaces a comment's text, keeping the original in the audit log.
     * @return whether the text changed
     * @throws CommentChangedException another editor changed or deleted the comment
     */
    boolean edit(String editor, CommentRef ref, String text) {
        try {
            return Boolean.TRUE.equals(this.transactions.execute((status) -> {
                Comment comment = current(ref);
                String original = comment.getBody();
                if (original.equals(text)) {
                    return false;
                }
                comment.editBody(text, this.clock.instant());
                this.changes.publish(comment.change());
                this.audit.record(editor, AuditAction.EDIT, comment.getId(), comment.getArticleId(),
                        comment.getStatus().name(), comment.getStatus().name(), original);
                return true;
            }));
        }
        catch (ConcurrencyFailureException ex) {
            throw new CommentChangedException(conflict(ref.id()));
        }
    }

    /**
     * Publishes a staff reply under the comment, in the editor's name; a pending comment
     * is approved with it (both are logged).
     * @return the reply's id
     * @throws CommentChangedException another editor changed or deleted the comment
     * @throws IllegalStateException the comment is in Spam or Trash, or nested as deep
     * as replies go
     */
    long reply(String editor, CommentRef ref, String text) {
        try {
            return this.transactions.execute((status) -> {
                Comment parent = current(ref);
                if (parent.getStatus() == CommentStatus.PENDING) {
                    if (!this.staff.acceptsReplies(parent)) {
                        throw new IllegalStateException("The comment is nested as deep as replies go");
                    }
                    parent.approve(this.clock.instant());
                    this.changes.publish(parent.change());
                    this.audit.record(editor, AuditAction.APPROVE, parent.getId(), parent.getArticleId(),
                            CommentStatus.PENDING.name(), CommentStatus.APPROVED.name(), null);
                }
                Comment reply = this.staff.reply(parent, displayName(editor), staffEmail(editor), text);
                this.audit.record(editor, AuditAction.STAFF_REPLY, reply.getId(), reply.getArticleId(), null,
                        reply.getStatus().name(), null);
                return reply.getId();
            });
        }
        catch (ConcurrencyFailureException ex) {
            throw new CommentChangedException(conflict(ref.id()));
        }
    }

    /** The name a staff reply carries: the editor's display name. */
    String displayName(String editor) {
        return this.accounts.findByUsername(editor).map(EditorAccount::getDisplayName).orElse(editor);
    }

    static String staffEmail(String editor) {
        return editor.toLowerCase(Locale.ROOT) + "@" + STAFF_EMAIL_DOMAIN;
    }

    /** Moves or deletes one comment; a refusal, or {@code null} when done. */
    private ActionReport.Refusal applyOne(String editor, DeskAction action, CommentRef ref) {
        Comment comment = current(ref);
        CommentStatus from = comment.getStatus();
        Instant now = this.clock.instant();
        try {
            action.applyTo(comment, now);
        }
        catch (IllegalStateException ex) {
            return new ActionReport.Refusal(comment.getId(), comment.getAuthorName(), from,
                    ActionReport.Reason.NOT_ALLOWED);
        }
        if (action.isDelete()) {
            if (this.comments.hasReplies(comment.getId())) {
                return new ActionReport.Refusal(comment.getId(), comment.getAuthorName(), from,
                        ActionReport.Reason.HAS_REPLIES);
            }
            this.audit.record(editor, AuditAction.DELETE, comment.getId(), comment.getArticleId(), from.name(), null,
                    comment.getAuthorName() + ": " + QueueRow.excerpt(comment.getBody()));
            this.changes.publish(comment.change());
            this.comments.delete(comment);
        }
        else {
            this.changes.publish(comment.change());
            this.audit.record(editor, action.audit(), comment.getId(), comment.getArticleId(), from.name(),
                    comment.getStatus().name(), null);
        }
        return null;
    }

    /**
     * The comment as the editor saw it.
     * @throws CommentChangedException it was deleted, or its version moved on
     */
    private Comment current(CommentRef ref) {
        Comment comment = this.comments.findById(ref.id())
            .orElseThrow(() -> new CommentChangedException(deleted(ref.id())));
        if (comment.getVersion() != ref.version()) {
            throw new CommentChangedException(conflict(comment));
        }
        return comment;
    }

    /** The state of a comment another editor got to first, read afresh. */
    ActionReport.Conflict conflict(long id) {
        return this.transactions.execute((status) -> this.comments.findById(id)
            .map(this::conflict)
            .orElseGet(() -> deleted(id)));
    }

    private ActionReport.Conflict conflict(Comment comment) {
        ModerationEvent last = this.audit.latestFor(List.of(comment.getId())).get(comment.getId());
        return new ActionReport.Conflict(comment.getId(), comment.getAuthorName(), comment.getStatus(),
                (last != null) ? last.getEditor() : null, (last != null) ? last.getAction() : null);
    }

    private ActionReport.Conflict deleted(long id) {
        ModerationEvent last = this.audit.latestFor(List.of(id)).get(id);
        return new ActionReport.Conflict(id, null, null, (last != null) ? last.getEditor() : null,
                (last != null) ? last.getAction() : null);
    }

    private static List<CommentRef> distinct(List<CommentRef> refs) {
        Map<Long, CommentRef> byId = new LinkedHashMap<>();
        refs.forEach((ref) -> byId.putIfAbsent(ref.id(), ref));
        return new ArrayList<>(byId.values());
    }

    /** Replies before the comments they answer, so a removed thread can be deleted whole. */
    private List<CommentRef> deepestFirst(List<CommentRef> refs) {
        List<CommentRef> unique = distinct(refs);
        Map<Long, Integer> depths = new HashMap<>();
        this.transactions.executeWithoutResult((status) -> this.comments
            .findForDesk(unique.stream().map(CommentRef::id).toList())
            .forEach((comment) -> depths.put(comment.getId(), comment.getDepth())));
        unique.sort(Comparator.comparing((CommentRef ref) -> depths.getOrDefault(ref.id(), 0)).reversed());
        return unique;
    }

}
