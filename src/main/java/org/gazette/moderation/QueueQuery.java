package org.gazette.moderation;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.gazette.comment.CommentStatus;

/**
 * Where an editor is in the queue: the tab, the page, the article filter, the search,
 * the order, or one comment singled out. It travels with every action form so the
 * editor comes back to the same place.
 *
 * @param status the tab
 * @param page the page, from 1
 * @param search the search text, or {@code null}
 * @param articleId the article filter, or {@code null}
 * @param order the order the editor chose, or {@code null} for the tab's own
 * @param commentId one comment singled out (a link from the log), or {@code null}
 */
record QueueQuery(CommentStatus status, int page, String search, Long articleId, Order order, Long commentId) {

    static final int MAX_SEARCH = 200;

    private static final int MAX_PAGE_DIGITS = 9;

    /** The order of a tab. */
    enum Order {

        OLDEST, NEWEST;

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<Order> fromKey(String key) {
            for (Order order : values()) {
                if (order.key().equals(key)) {
                    return Optional.of(order);
                }
            }
            return Optional.empty();
        }

    }

    static QueueQuery of(CommentStatus status) {
        return new QueueQuery(status, 1, null, null, null, null);
    }

    /**
     * Reads the request parameters; absent ones take their defaults, blank search and
     * filters count as absent.
     * @throws InvalidQueueQueryException a parameter has a value the desk does not know
     */
    static QueueQuery parse(String status, String page, String search, String article, String order,
            String comment) {
        CommentStatus tab = (status == null || status.isEmpty()) ? CommentStatus.PENDING
                : CommentStatus.fromKey(status).orElseThrow(InvalidQueueQueryException::new);
        int number = 1;
        if (page != null && !page.isEmpty()) {
            if (page.length() > MAX_PAGE_DIGITS || !page.chars().allMatch((c) -> c >= '0' && c <= '9')) {
                throw new InvalidQueueQueryException();
            }
            number = Integer.parseInt(page);
            if (number < 1) {
                throw new InvalidQueueQueryException();
            }
        }
        String text = (search != null) ? search.strip() : null;
        if (text != null && text.codePointCount(0, text.length()) > MAX_SEARCH) {
            throw new InvalidQueueQueryException();
        }
        Long articleId = optionalId(article);
        Order chosen = (order == null || order.isEmpty()) ? null
                : Order.fromKey(order).orElseThrow(InvalidQueueQueryException::new);
        return new QueueQuery(tab, number, (text == null || text.isEmpty()) ? null : text, articleId, chosen,
                optionalId(comment));
    }

    private static Long optionalId(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return CommentRef.number(value).orElseThrow(InvalidQueueQueryException::new);
    }

    /** Whether the newest comments come first: the editor's choice, else every tab but Pending. */
    boolean newestFirst() {
        return (this.order != null) ? this.order == Order.NEWEST : this.status != CommentStatus.PENDING;
    }

    boolean isFiltered() {
        return this.search != null || this.articleId != null || this.commentId != null;
    }

    /** The order in force, as the order select names it. */
    String orderKey() {
        return newestFirst() ? Order.NEWEST.key() : Order.OLDEST.key();
    }

    String statusKey() {
        return this.status.key();
    }

    /** The search as a case-insensitive LIKE pattern ({@code !} escapes), or {@code null}. */
    String searchPattern() {
        if (this.search == null) {
            return null;
        }
        String lower = this.search.toLowerCase(Locale.ROOT);
        StringBuilder pattern = new StringBuilder(lower.length() + 8).append('%');
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c == '!' || c == '%' || c == '_') {
                pattern.append('!');
            }
            pattern.append(c);
        }
        return pattern.append('%').toString();
    }

    QueueQuery withPage(int number) {
        return new QueueQuery(this.status, number, this.search, this.articleId, this.order, this.commentId);
    }

    /** Another tab, from its first page, keeping the filters (but not a single comment). */
    QueueQuery withStatus(CommentStatus tab) {
        return new QueueQuery(tab, 1, this.search, this.articleId, this.order, null);
    }

    /** The same tab and filters with the other order, from the first page. */
    QueueQuery withOrder(Order chosen) {
        return new QueueQuery(this.status, 1, this.search, this.articleId, chosen, this.commentId);
    }

    /** The address of this place in the queue, without defaults: {@code /moderation?status=spam&page=2}. */
    String url() {
        StringBuilder url = new StringBuilder("/moderation?status=").append(this.status.key());
        if (this.page > 1) {
            url.append("&page=").append(this.page);
        }
        if (this.search != null) {
            url.append("&q=").append(URLEncoder.encode(this.search, StandardCharsets.UTF_8));
        }
        if (this.articleId != null) {
            url.append("&article=").append(this.articleId);
        }
        if (this.order != null) {
            url.append("&sort=").append(this.order.key());
        }
        if (this.commentId != null) {
            url.append("&comment=").append(this.commentId);
        }
        return url.toString();
    }

    /** The hidden fields that bring an action's answer back to this place. */
    List<FormField> returnFields() {
        List<FormField> fields = new ArrayList<>();
        fields.add(new FormField("status", this.status.key()));
        if (this.page > 1) {
            fields.add(new FormField("page", Integer.toString(this.page)));
        }
        if (this.search != null) {
            fields.add(new FormField("q", this.search));
        }
        if (this.articleId != null) {
            fields.add(new FormField("article", Long.toString(this.articleId)));
        }
        if (this.order != null) {
            fields.add(new FormField("sort", this.order.key()));
        }
        if (this.commentId != null) {
            fields.add(new FormField("comment", Long.toString(this.commentId)));
        }
        return fields;
    }

}
