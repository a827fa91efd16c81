package org.gazette.comment;

import java.util.ArrayList;
import java.util.List;

/**
 * One page of an article's comments: the top-level threads on it, nested.
 *
 * @param approvedCount approved comments of the whole article
 * @param number this page, from 1
 * @param pageCount pages in all, at least 1
 * @param threads the threads on this page, oldest first
 * @param personal whether the page shows something only one reader may see (their
 * own held comment)
 */
public record ThreadPage(long approvedCount, int number, int pageCount, List<CommentView> threads,
        boolean personal) {

    public boolean hasPrevious() {
        return this.number > 1;
    }

    public boolean hasNext() {
        return this.number < this.pageCount;
    }

    public boolean isPaged() {
        return this.pageCount > 1;
    }

    public boolean isEmpty() {
        return this.threads.isEmpty();
    }

    /** The page before this one as a query value: {@code null} for the first page, which has no parameter. */
    public Integer previousPageParameter() {
        return (this.number > 2) ? this.number - 1 : null;
    }

    public int nextPage() {
        return this.number + 1;
    }

    /**
     * The page numbers to link: the first, the last and two either side of this one;
     * {@code null} marks a gap.
     */
    public List<Integer> pageLinks() {
        List<Integer> links = new ArrayList<>();
        int last = 0;
        for (int n = 1; n <= this.pageCount; n++) {
            boolean near = Math.abs(n - this.number) <= 2;
            if (n == 1 || n == this.pageCount || near) {
                if (last != 0 && n > last + 1) {
                    links.add(null);
                }
                links.add(n);
                last = n;
            }
            else if (n < this.number) {
                n = this.number - 3;
            }
            else {
                n = this.pageCount - 1;
            }
        }
        return links;
    }

}
