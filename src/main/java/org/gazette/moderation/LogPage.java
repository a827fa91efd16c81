package org.gazette.moderation;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.data.domain.Page;

/** One page of the audit log as the template shows it. */
public final class LogPage {

    /** Details longer than this show their start, the rest behind a disclosure. */
    static final int SHORT_DETAIL = 160;

    private final Page<ModerationEvent> events;

    private final String editor;

    private final AuditAction action;

    private final List<String> editors;

    private final Map<Long, CommentLink> comments;

    private final Map<Long, ArticleChoice> articles;

    LogPage(Page<ModerationEvent> events, String editor, AuditAction action, List<String> editors,
            Map<Long, CommentLink> comments, Map<Long, ArticleChoice> articles) {
        this.events = events;
        this.editor = editor;
        this.action = action;
        this.editors = editors;
        this.comments = comments;
        this.articles = articles;
    }

    public List<Entry> getEntries() {
        List<Entry> entries = new ArrayList<>();
        for (ModerationEvent event : this.events) {
            entries.add(new Entry(event, (event.getCommentId() != null) ? this.comments.get(event.getCommentId()) : null,
                    (event.getArticleId() != null) ? this.articles.get(event.getArticleId()) : null));
        }
        return entries;
    }

    public boolean isEmpty() {
        return this.events.isEmpty();
    }

    public long getTotal() {
        return this.events.getTotalElements();
    }

    public int getPage() {
        return this.events.getNumber() + 1;
    }

    public int getPageCount() {
        return Math.max(1, this.events.getTotalPages());
    }

    public String getPreviousUrl() {
        return (getPage() > 1) ? url(getPage() - 1) : null;
    }

    public String getNextUrl() {
        return (getPage() < getPageCount()) ? url(getPage() + 1) : null;
    }

    public String getEditor() {
        return this.editor;
    }

    public String getAction() {
        return (this.action != null) ? this.action.name() : null;
    }

    public boolean isFiltered() {
        return this.editor != null || this.action != null;
    }

    public List<String> getEditors() {
        return this.editors;
    }

    public List<String> getActions() {
        return Arrays.stream(AuditAction.values()).map(Enum::name).toList();
    }

    private String url(int page) {
        StringBuilder url = new StringBuilder("/moderation/log?page=").append(page);
        if (this.editor != null) {
            url.append("&editor=").append(URLEncoder.encode(this.editor, StandardCharsets.UTF_8));
        }
        if (this.action != null) {
            url.append("&action=").append(this.action.name());
        }
        return url.toString();
    }

    /**
     * A comment a line names, as it is now.
     *
     * @param id its id
     * @param authorName its author
     * @param statusKey its status now
     */
    public record CommentLink(Long id, String authorName, String statusKey) {

        public Long getId() {
            return this.id;
        }

        public String getAuthorName() {
            return this.authorName;
        }

        public String getStatusKey() {
            return this.statusKey;
        }

    }

    /** One line of the log. */
    public static final class Entry {

        private final ModerationEvent event;

        private final CommentLink comment;

        private final ArticleChoice article;

        Entry(ModerationEvent event, CommentLink comment, ArticleChoice article) {
            this.event = event;
            this.comment = comment;
            this.article = article;
        }

        public Instant getOccurredAt() {
            return this.event.getOccurredAt();
        }

        public String getEditor() {
            return this.event.getEditor();
        }

        /** Whether the line names an editor (a failed sign-in of an unknown username names no one). */
        public boolean isNamesAnAccount() {
            return !this.event.getEditor().isEmpty();
        }

        /** Where a sign-in or sign-out came from, or {@code null}. */
        public String getClientAddress() {
            return this.event.getClientAddress();
        }

        /** The message key of the action's label; unknown actions fall back to their name in the template. */
        public String getActionKey() {
            return "desk.log.action." + this.event.getAction();
        }

        public String getAction() {
            return this.event.getAction();
        }

        public boolean hasMove() {
            return this.event.getFromStatus() != null || this.event.getToStatus() != null;
        }

        public String getFromKey() {
            return (this.event.getFromStatus() != null) ? "desk.state." + this.event.getFromStatus() : null;
        }

        public String getToKey() {
            return (this.event.getToStatus() != null) ? "desk.state." + this.event.getToStatus() : null;
        }

        public Long getCommentId() {
            return this.event.getCommentId();
        }

        /** The comment as it is now, or {@code null} when it was deleted (or there is none). */
        public CommentLink getComment() {
            return this.comment;
        }

        public ArticleChoice getArticle() {
            return this.article;
        }

        public String getDetail() {
            return this.event.getDetail();
        }

        public boolean isLongDetail() {
            String detail = this.event.getDetail();
            return detail != null && (detail.codePointCount(0, detail.length()) > SHORT_DETAIL
                    || detail.indexOf('\n') >= 0);
        }

        /** The start of a long detail, on one line. */
        public String getDetailStart() {
            String detail = this.event.getDetail();
            return (detail != null) ? QueueRow.excerpt(detail) : null;
        }

    }

}
