package org.gazette.moderation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gazette.comment.CommentStatus;

/**
 * One page of the queue as the template shows it: the tabs with their counts, the
 * filters, the rows, the bulk actions valid on this tab and the page links.
 */
public final class QueuePage {

    private final QueueQuery query;

    private final Map<CommentStatus, Long> counts;

    private final List<QueueRow> rows;

    private final long total;

    private final int pageSize;

    private final List<ArticleChoice> articles;

    QueuePage(QueueQuery query, Map<CommentStatus, Long> counts, List<QueueRow> rows, long total, int pageSize,
            List<ArticleChoice> articles) {
        this.query = query;
        this.counts = counts;
        this.rows = rows;
        this.total = total;
        this.pageSize = pageSize;
        this.articles = articles;
    }

    /** The status tabs, each with its live count and address (keeping the filters). */
    public List<Tab> getTabs() {
        List<Tab> tabs = new ArrayList<>();
        for (CommentStatus status : CommentStatus.values()) {
            tabs.add(new Tab(status.key(), this.counts.getOrDefault(status, 0L),
                    this.query.withStatus(status).url(), status == this.query.status()));
        }
        return tabs;
    }

    public String getStatusKey() {
        return this.query.status().key();
    }

    public String getStatusLabelKey() {
        return "desk.status." + this.query.status().key();
    }

    /** The message key of the empty tab's sentence. */
    public String getEmptyKey() {
        return this.query.isFiltered() ? "desk.queue.empty.filtered" : "desk.queue.empty." + this.query.status().key();
    }

    /**
     * The address of a comment's edit or reply page, which brings the editor back here.
     * @param id the comment's id
     * @param page {@code edit} or {@code reply}
     */
    public String commentPageUrl(long id, String page) {
        String url = this.query.url();
        return "/moderation/comments/" + id + "/" + page + url.substring(url.indexOf('?'));
    }

    public List<QueueRow> getRows() {
        return this.rows;
    }

    public boolean isEmpty() {
        return this.rows.isEmpty();
    }

    public long getTotal() {
        return this.total;
    }

    public int getPage() {
        return this.query.page();
    }

    public int getPageCount() {
        return (int) Math.max(1, (this.total + this.pageSize - 1) / this.pageSize);
    }

    /** The position of the first row shown, from 1. */
    public long getFirstItem() {
        return this.rows.isEmpty() ? 0 : (long) (this.query.page() - 1) * this.pageSize + 1;
    }

    public long getLastItem() {
        return this.rows.isEmpty() ? 0 : getFirstItem() + this.rows.size() - 1;
    }

    public String getPreviousUrl() {
        return (this.query.page() > 1) ? this.query.withPage(this.query.page() - 1).url() : null;
    }

    public String getNextUrl() {
        return (this.query.page() < getPageCount()) ? this.query.withPage(this.query.page() + 1).url() : null;
    }

    /** Page links: the first, the last and two either side of this one; {@code null} marks a gap. */
    public List<PageLink> getPageLinks() {
        List<PageLink> links = new ArrayList<>();
        int count = getPageCount();
        int current = this.query.page();
        int previous = 0;
        for (int number = 1; number <= count; number++) {
            if (number == 1 || number == count || Math.abs(number - current) <= 2) {
                if (number - previous > 1) {
                    links.add(null);
                }
                links.add(new PageLink(number, this.query.withPage(number).url(), number == current));
                previous = number;
            }
        }
        return links;
    }

    public String getSearch() {
        return this.query.search();
    }

    public Long getArticleId() {
        return this.query.articleId();
    }

    public Long getCommentId() {
        return this.query.commentId();
    }

    public boolean isFiltered() {
        return this.query.isFiltered();
    }

    public String getOrderKey() {
        return this.query.orderKey();
    }

    /** The same tab and filters in the other order. */
    public String getOtherOrderUrl() {
        return this.query
            .withOrder(this.query.newestFirst() ? QueueQuery.Order.OLDEST : QueueQuery.Order.NEWEST)
            .url();
    }

    /** The tab without search, article filter or single comment. */
    public String getClearUrl() {
        return QueueQuery.of(this.query.status()).url();
    }

    /** The address of this very place, for links back to it. */
    public String getUrl() {
        return this.query.url();
    }

    public List<ArticleChoice> getArticles() {
        return this.articles;
    }

    /** The headline of the filtered article, or {@code null}. */
    public String getArticleHeadline() {
        return this.articles.stream()
            .filter((article) -> article.id().equals(this.query.articleId()))
            .map(ArticleChoice::headline)
            .findFirst()
            .orElse(null);
    }

    /** The bulk actions valid on this tab (every row on it shares its status). */
    public List<QueueRow.RowAction> getBulkActions() {
        return DeskAction.allowedActions(this.query.status())
            .stream()
            .map(QueueRow.RowAction::of)
            .toList();
    }

    public List<FormField> getReturnFields() {
        return this.query.returnFields();
    }

    /**
     * A status tab.
     *
     * @param key the status's URL name
     * @param count how many comments it holds (under the article filter)
     * @param url its address
     * @param current whether it is the tab shown
     */
    public record Tab(String key, long count, String url, boolean current) {

        public String getKey() {
            return this.key;
        }

        public String getLabelKey() {
            return "desk.status." + this.key;
        }

        public long getCount() {
            return this.count;
        }

        public String getUrl() {
            return this.url;
        }

        public boolean isCurrent() {
            return this.current;
        }

    }

    /**
     * A link to a page of the queue.
     *
     * @param number the page number
     * @param url its address
     * @param current whether it is the page shown
     */
    public record PageLink(int number, String url, boolean current) {

        public int getNumber() {
            return this.number;
        }

        public String getUrl() {
            return this.url;
        }

        public boolean isCurrent() {
            return this.current;
        }

    }

}
