package org.gazette.moderation;

import java.util.List;

import org.gazette.comment.Comment;

/**
 * The queue's rows under the editor's filters, read so that the database can answer
 * from an index: only the ids of one page, in the tab's order, and the number of
 * matching comments. Implemented by {@link QueueListingImpl}, a fragment of
 * {@link QueueRepository}.
 */
interface QueueListing {

    /**
     * The ids of one page of the query's tab under its filters, in the tab's order.
     * @param query the tab, the filters and the order (its page is not read)
     * @param offset how many matching comments come before the page
     * @param limit the most ids to return
     */
    default List<Long> pageIds(QueueQuery query, long offset, int limit) {
        return pageIds(query, null, offset, limit);
    }

    /**
     * The ids of one page of the query's tab under its filters, in the tab's order,
     * counted from a known place: only the index entries from there to the page's end
     * are read.
     * @param query the tab, the filters and the order (its page is not read)
     * @param after the place in the tab's order the offset counts from (exclusive), or
     * {@code null} for the start of the tab
     * @param offset how many matching comments after that place come before the page
     * @param limit the most ids to return
     */
    List<Long> pageIds(QueueQuery query, QueuePlace after, long offset, int limit);

    /** How many comments of the query's tab match its filters. */
    long count(QueueQuery query);

    /**
     * The given comments with their articles and parents, in no particular order: the
     * rows of a queue page once {@link #pageIds} has chosen them. Ids of comments that
     * no longer exist are left out.
     */
    List<Comment> findForQueue(List<Long> ids);

}
