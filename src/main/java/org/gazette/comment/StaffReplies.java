package org.gazette.comment;

import java.time.Clock;
import java.util.Locale;

import org.gazette.SharedChanges;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replies the newsroom writes from the editors' desk: published at once, marked as
 * staff (the article page shows a "Staff" badge), and not screened by the readers'
 * rules (no moderation words, link limit or flood control apply to an editor).
 */
@Service
public class StaffReplies {

    private final CommentRepository comments;

    private final CommentProperties properties;

    private final SharedChanges changes;

    private final Clock clock;

    StaffReplies(CommentRepository comments, CommentProperties properties, SharedChanges changes, Clock clock) {
        this.comments = comments;
        this.properties = properties;
        this.changes = changes;
        this.clock = clock;
    }

    /** Whether the comment sits above the deepest reply level, so a reply can go under it. */
    public boolean acceptsReplies(Comment parent) {
        return parent.getDepth() < this.properties.threadDepth();
    }

    /**
     * Publishes a staff reply under an approved comment, in the caller's transaction.
     * @param parent the comment answered, loaded in the caller's transaction
     * @param name the editor's display name, shown with the reply
     * @param email the staff address kept with it (never shown to readers)
     * @param body the text, already validated and normalised
     * @return the stored reply
     * @throws IllegalStateException the parent is not approved, or is nested as deep
     * as replies go
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Comment reply(Comment parent, String name, String email, String body) {
        if (!parent.isApproved()) {
            throw new IllegalStateException("A staff reply goes under an approved comment only");
        }
        if (!acceptsReplies(parent)) {
            throw new IllegalStateException("The comment is nested as deep as replies go");
        }
        Author author = new Author(name, email.toLowerCase(Locale.ROOT), null);
        Verdict verdict = new Verdict(CommentStatus.APPROVED, StatusReason.STAFF, null);
        Comment reply = this.comments
            .saveAndFlush(new Comment(parent.getArticle(), parent, author, body, verdict, null, this.clock.instant()));
        this.changes.publish(reply.change());
        return reply;
    }

}
