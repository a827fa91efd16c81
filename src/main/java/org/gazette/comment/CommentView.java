package org.gazette.comment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One comment as the article page shows it, with its replies. A removed comment that
 * still has visible replies stands as a placeholder with no author or text.
 */
public final class CommentView {

    private final long id;

    private final String authorName;

    private final String authorWebsite;

    private final Instant postedAt;

    private final String html;

    private final int depth;

    private final boolean replyable;

    private final boolean removed;

    private final boolean awaitingModeration;

    private final boolean staff;

    private final List<CommentView> replies = new ArrayList<>();

    private CommentView(Comment comment, String html, boolean replyable, boolean removed,
            boolean awaitingModeration) {
        this.id = comment.getId();
        this.authorName = removed ? null : comment.getAuthorName();
        this.authorWebsite = removed ? null : comment.getAuthorWebsite();
        this.postedAt = comment.getCreatedAt();
        this.html = removed ? null : html;
        this.depth = comment.getDepth();
        this.replyable = replyable;
        this.removed = removed;
        this.awaitingModeration = awaitingModeration;
        this.staff = !removed && comment.isStaff();
    }

    static CommentView shown(Comment comment, String html, boolean replyable) {
        return new CommentView(comment, html, replyable, false, false);
    }

    static CommentView awaiting(Comment comment, String html) {
        return new CommentView(comment, html, false, false, true);
    }

    static CommentView placeholder(Comment comment) {
        return new CommentView(comment, null, false, true, false);
    }

    void addReply(CommentView reply) {
        this.replies.add(reply);
    }

    public long getId() {
        return this.id;
    }

    /** The fragment id, {@code comment-42}. */
    public String getAnchor() {
        return "comment-" + this.id;
    }

    public String getAuthorName() {
        return this.authorName;
    }

    public String getAuthorWebsite() {
        return this.authorWebsite;
    }

    public boolean hasWebsite() {
        return this.authorWebsite != null;
    }

    public Instant getPostedAt() {
        return this.postedAt;
    }

    /** The rendered text: escaped, with only the allowed markup live. */
    public String getHtml() {
        return this.html;
    }

    public int getDepth() {
        return this.depth;
    }

    public boolean isReplyable() {
        return this.replyable;
    }

    public boolean isRemoved() {
        return this.removed;
    }

    public boolean isAwaitingModeration() {
        return this.awaitingModeration;
    }

    public boolean isStaff() {
        return this.staff;
    }

    public List<CommentView> getReplies() {
        return Collections.unmodifiableList(this.replies);
    }

    public boolean hasReplies() {
        return !this.replies.isEmpty();
    }

}
