package org.gazette.moderation;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.gazette.article.Dates;
import org.gazette.comment.CommentStatus;
import org.unbescape.html.HtmlEscape;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The markup of the queue's cards and of a comment's facts (also on the edit, reply and
 * delete pages), every outside value escaped as {@code th:text} escapes it, the comment's
 * text the renderer's safe markup. In Java because the same cards as a Thymeleaf fragment
 * cost the queue page 1.65 times the CPU (BENCHMARKS.md, "QueueCards").
 */
@Component("queueCards")
public class QueueCards {

    private final MessageSource messages;

    private final Dates dates;

    QueueCards(MessageSource messages, Dates dates) {
        this.messages = messages;
        this.dates = dates;
    }

    /** The list items of the page's rows, each an {@code <li class="queue-item">} holding its card. */
    public String items(QueuePage queue) {
        Writer out = new Writer(contextPath(), LocaleContextHolder.getLocale(), queue.getRows().size() * 4096);
        for (QueueRow row : queue.getRows()) {
            card(out, row, queue);
        }
        return out.toString();
    }

    /** Who wrote a comment, where and when: the {@code <dl class="queue-facts">} of a card. */
    public String facts(QueueRow row) {
        Writer out = new Writer(contextPath(), LocaleContextHolder.getLocale(), 1024);
        facts(out, row);
        return out.toString();
    }

    private void card(Writer out, QueueRow row, QueuePage queue) {
        String anchor = row.getAnchor();
        String forComment = QueueCards.escape(message(out, "desk.row.forComment", row.getAuthorName()));
        out.raw("<li class=\"queue-item\" id=\"").attribute(anchor).raw("\">\n");
        out.raw("<article class=\"queue-card\" aria-labelledby=\"").attribute(anchor).raw("-author\">\n");
        out.raw("<div class=\"queue-select\">\n<input type=\"checkbox\" name=\"selected\" value=\"")
            .attribute(row.getToken()).raw("\" id=\"").attribute(anchor).raw("-select\" data-row-select>\n");
        out.raw("<label for=\"").attribute(anchor).raw("-select\" class=\"visually-hidden\">")
            .text(message(out, "desk.row.select", row.getAuthorName())).raw("</label>\n</div>\n");
        out.raw("<div class=\"queue-body\">\n<header class=\"queue-head\">\n");
        out.raw("<h2 class=\"queue-author\" id=\"").attribute(anchor).raw("-author\">\n<span>")
            .text(row.getAuthorName()).raw("</span>\n");
        if (row.isStaff()) {
            out.raw("<span class=\"staff-badge\">").label("comments.staff").raw("</span>\n");
        }
        out.raw("</h2>\n");
        why(out, row);
        out.raw("</header>\n");
        facts(out, row);
        out.raw("<div class=\"queue-text comment-content\">").raw(row.getHtml()).raw("</div>\n");
        history(out, row);
        actions(out, row, queue, forComment);
        out.raw("</div>\n</article>\n</li>\n");
    }

    /** Why the comment is where it is: the screening's reason, or the editor's move. */
    private void why(Writer out, QueueRow row) {
        out.raw("<p class=\"queue-why\">\n");
        if (!row.isMovedByEditor()) {
            out.raw("<span class=\"reason\">").label(row.getReasonKey()).raw("</span>\n");
        }
        if (row.getReasonDetail() != null) {
            out.raw("<q class=\"reason-detail\">").text(row.getReasonDetail()).raw("</q>\n");
        }
        if (row.isMovedByEditor()) {
            ModerationEvent change = row.getLastChange();
            out.raw("<span class=\"reason\">")
                .text(message(out, "desk.row.lastChange", out.labelText(row.getLastChangeKey()), change.getEditor(),
                        this.dates.dayAndTime(change.getOccurredAt())))
                .raw("</span>\n");
        }
        if (row.isEdited()) {
            out.raw("<span class=\"reason\">").label("desk.row.edited").raw("</span>\n");
        }
        out.raw("</p>\n");
    }

    private void facts(Writer out, QueueRow row) {
        out.raw("<dl class=\"queue-facts\">\n");
        out.raw("<div>\n<dt>").label("desk.row.email").raw("</dt>\n<dd><a href=\"mailto:")
            .attribute(row.getAuthorEmail()).raw("\">").text(row.getAuthorEmail()).raw("</a></dd>\n</div>\n");
        if (row.getAuthorWebsite() != null) {
            out.raw("<div>\n<dt>").label("desk.row.website").raw("</dt>\n<dd><a href=\"")
                .attribute(row.getAuthorWebsite()).raw("\" rel=\"nofollow noopener noreferrer\">")
                .text(row.getAuthorWebsite()).raw("</a></dd>\n</div>\n");
        }
        out.raw("<div>\n<dt>").label("desk.row.address").raw("</dt>\n");
        if (row.getClientAddress() != null) {
            out.raw("<dd><code>").text(row.getClientAddress()).raw("</code></dd>\n");
        }
        else {
            out.raw("<dd class=\"muted\">").label("desk.row.address.none").raw("</dd>\n");
        }
        out.raw("</div>\n");
        out.raw("<div>\n<dt>").label("desk.row.posted").raw("</dt>\n<dd><time datetime=\"")
            .attribute(this.dates.iso(row.getPostedAt())).raw("\">").text(this.dates.dayAndTime(row.getPostedAt()))
            .raw("</time></dd>\n</div>\n");
        out.raw("<div>\n<dt>").label("desk.row.on").raw("</dt>\n<dd><a href=\"")
            .link("/articles/" + UriUtils.encodePathSegment(row.getArticleSlug(), StandardCharsets.UTF_8))
            .raw("\">").text(row.getArticleHeadline()).raw("</a></dd>\n</div>\n");
        if (row.isReply()) {
            out.raw("<div>\n<dt>").label("desk.row.inReplyTo").raw("</dt>\n<dd><a href=\"")
                .link("/moderation/comments/" + row.getParentId()).raw("\">").text(row.getParentAuthor())
                .raw("</a>:\n<q class=\"queue-excerpt\">").text(row.getParentExcerpt()).raw("</q></dd>\n</div>\n");
        }
        out.raw("</dl>\n");
    }

    /** The author's approved, pending and spam comments, each a link to that tab searched by the email. */
    private void history(Writer out, QueueRow row) {
        AuthorHistory history = row.getHistory();
        if (history == null) {
            return;
        }
        String email = row.getAuthorEmail();
        out.raw("<p class=\"queue-history\">\n<span class=\"muted\">").label("desk.row.history")
            .raw(":</span>\n");
        historyLink(out, CommentStatus.APPROVED, email,
                out.counted("desk.row.history.approved", history.approved()));
        out.raw("<span aria-hidden=\"true\">\u00b7</span>\n");
        historyLink(out, CommentStatus.PENDING, email, out.counted("desk.row.history.pending", history.pending()));
        out.raw("<span aria-hidden=\"true\">\u00b7</span>\n");
        historyLink(out, CommentStatus.SPAM, email, out.counted("desk.row.history.spam", history.spam()));
        out.raw("</p>\n");
    }

    /** A tab searched by the email, addressed as every queue address is ({@link QueueQuery#url()}). */
    private void historyLink(Writer out, CommentStatus status, String email, String label) {
        out.raw("<a href=\"").link(new QueueQuery(status, 1, email, null, null, null).url()).raw("\">").text(label)
            .raw("</a>\n");
    }

    /** The row's buttons (each posts the bulk form to its own action) and its links. */
    private void actions(Writer out, QueueRow row, QueuePage queue, String forComment) {
        out.raw("<div class=\"queue-actions\" role=\"group\" aria-label=\"")
            .attribute(message(out, "desk.row.actions", row.getAuthorName())).raw("\">\n");
        for (QueueRow.RowAction action : row.getActions()) {
            out.raw("<button type=\"submit\" name=\"version\" value=\"").raw(Long.toString(row.getVersion()))
                .raw("\" formaction=\"").link("/moderation/comments/" + row.getId() + "/" + action.getKey())
                .raw("\" class=\"").attribute(action.getButtonClass()).raw("\"");
            if (action.isDanger()) {
                out.raw(" data-confirm=\"").label("desk.confirm.delete").raw("\"");
            }
            out.raw("><span>").label(action.getLabelKey()).raw("</span>");
            hiddenForComment(out, forComment);
            out.raw("</button>\n");
        }
        if (row.isReplyable()) {
            String reply = row.isApproveWithReply() ? "desk.row.approveAndReply" : "desk.row.reply";
            out.raw("<a class=\"button button-small button-secondary\" href=\"")
                .link(queue.commentPageUrl(row.getId(), "reply")).raw("\"><span>").label(reply).raw("</span>");
            hiddenForComment(out, forComment);
            out.raw("</a>\n");
        }
        out.raw("<a class=\"button button-small button-secondary\" href=\"")
            .link(queue.commentPageUrl(row.getId(), "edit")).raw("\"><span>").label("desk.row.edit")
            .raw("</span>");
        hiddenForComment(out, forComment);
        out.raw("</a>\n");
        if (row.isApproved()) {
            out.raw("<a class=\"queue-view\" href=\"").link("/moderation/comments/" + row.getId() + "/view")
                .raw("\"><span>").label("desk.row.view").raw("</span>");
            hiddenForComment(out, forComment);
            out.raw("</a>\n");
        }
        out.raw("</div>\n");
    }

    /** Ends an action's label for screen readers: "the comment by Ann" (already escaped). */
    private static void hiddenForComment(Writer out, String forComment) {
        out.raw("<span class=\"visually-hidden\">").raw(forComment).raw("</span>");
    }

    private String message(Writer out, String key, Object... arguments) {
        return this.messages.getMessage(key, arguments, out.locale);
    }

    private static String escape(String text) {
        return HtmlEscape.escapeHtml4Xml(text);
    }

    /** The application's path on this server, which every link starts with ({@code ""} at the root). */
    private static String contextPath() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getContextPath();
        }
        return "";
    }

    /**
     * Markup being written: raw markup as given, anything else escaped. Labels and counted
     * phrases ("3 approved") are looked up once per page and kept escaped.
     */
    private final class Writer {

        private final StringBuilder html;

        private final String contextPath;

        private final Locale locale;

        private final Map<String, String> labels = new HashMap<>();

        private final Map<String, String> counted = new HashMap<>();

        Writer(String contextPath, Locale locale, int capacity) {
            this.html = new StringBuilder(capacity);
            this.contextPath = contextPath;
            this.locale = locale;
        }

        /** Markup written here, never a value from outside. */
        Writer raw(String markup) {
            this.html.append(markup);
            return this;
        }

        /** Text content, escaped as Thymeleaf escapes it ({@code & < > " '}). */
        Writer text(String value) {
            this.html.append(escape(value));
            return this;
        }

        /** An attribute's value (the quotes are written around it), escaped. */
        Writer attribute(String value) {
            return text(value);
        }

        /** The message of a key without arguments, escaped. */
        Writer label(String key) {
            return raw(this.labels.computeIfAbsent(key, (k) -> escape(labelText(k))));
        }

        /** The message of a key without arguments, as text. */
        String labelText(String key) {
            return QueueCards.this.messages.getMessage(key, null, this.locale);
        }

        /** The message of a key that counts something ("3 approved"), as text. */
        String counted(String key, long count) {
            return this.counted.computeIfAbsent(key + ':' + count,
                    (k) -> QueueCards.this.messages.getMessage(key, new Object[] { count }, this.locale));
        }

        /** A link inside the application: its path and query (already URL-encoded), after the context path. */
        Writer link(String pathAndQuery) {
            return attribute(this.contextPath + pathAndQuery);
        }

        @Override
        public String toString() {
            return this.html.toString();
        }

    }

}
