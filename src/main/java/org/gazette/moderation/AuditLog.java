package org.gazette.moderation;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records every state change, edit, staff reply, settings change and account change,
 * in the same transaction as the change itself (so a change is never made without its
 * line, nor the line written for a change that rolled back), and every sign-in, failed
 * sign-in and sign-out.
 */
@Service
public class AuditLog {

    private final ModerationEventRepository events;

    private final Clock clock;

    AuditLog(ModerationEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /**
     * Appends a line. A line about a comment goes with a change to that comment, whose
     * published {@code Change} makes the queue read the comment's latest line again.
     * @param editor the username of who did it
     * @param action what was done
     * @param commentId the comment concerned, or {@code null}
     * @param articleId the article concerned, or {@code null}
     * @param fromStatus the state before, or {@code null}
     * @param toStatus the state after, or {@code null}
     * @param detail free text: the original text of an edited comment, the settings
     * changed, the account concerned
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public ModerationEvent record(String editor, AuditAction action, Long commentId, Long articleId,
            String fromStatus, String toStatus, String detail) {
        return this.events.save(new ModerationEvent(this.clock.instant(), editor, action, commentId, articleId,
                fromStatus, toStatus, detail));
    }

    /**
     * Appends a line about signing in or out, or an editor's own account, from a client
     * address. It concerns no comment, so the queue's view of the log stays as it is.
     * @param editor the account's username, or {@code ""} when the line names none
     */
    @Transactional(propagation = Propagation.MANDATORY)
    ModerationEvent recordAccess(String editor, AuditAction action, String clientAddress, String detail) {
        return this.events.save(new ModerationEvent(this.clock.instant(), editor, action, clientAddress, detail));
    }

    /** The log, newest first, optionally filtered by editor and action. */
    @Transactional(readOnly = true)
    public Page<ModerationEvent> search(String editor, AuditAction action, Pageable page) {
        return this.events.search(editor, (action != null) ? action.name() : null, page);
    }

    /** Everyone who has a line in the log, by name. */
    @Transactional(readOnly = true)
    public List<String> editors() {
        return this.events.editors();
    }

    /** The latest line about each of the given comments, by comment id (one query, read afresh). */
    @Transactional(readOnly = true)
    public Map<Long, ModerationEvent> latestFor(Collection<Long> commentIds) {
        if (commentIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, ModerationEvent> latest = new HashMap<>();
        for (ModerationEvent event : this.events.latestFor(commentIds)) {
            latest.put(event.getCommentId(), event);
        }
        return latest;
    }

}
