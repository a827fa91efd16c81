package org.gazette.comment;

import java.util.ArrayList;
import java.util.List;

/**
 * Pages the top-level threads readers see: approved top-level comments, read from the
 * database in index order, merged with the few removed ones that still stand as
 * placeholders over approved replies. The database reads only the page's window, so the
 * cost of a page does not grow with the number of comments before it in the index.
 */
final class ThreadPaging {

    private ThreadPaging() {
    }

    /** Where the window of approved threads must start for the page at {@code offset}. */
    static long windowStart(long offset, List<ThreadKey> placeholders) {
        return Math.max(0, offset - placeholders.size());
    }

    /** How many approved threads the window must hold. */
    static int windowSize(int pageSize, List<ThreadKey> placeholders) {
        return pageSize + placeholders.size();
    }

    /**
     * The threads of one page.
     * @param placeholders every placeholder thread of the article, in order
     * @param window approved threads from position {@code start}, at most
     * {@link #windowSize} of them, in order
     * @param start the position among approved threads of the window's first
     * @param offset the position among all visible threads of the page's first
     * @param pageSize threads per page
     */
    static List<ThreadKey> page(List<ThreadKey> placeholders, List<ThreadKey> window, long start, long offset,
            int pageSize) {
        if (start > 0 && window.isEmpty()) {
            return List.of();
        }
        boolean full = window.size() == windowSize(pageSize, placeholders);
        ThreadKey lower = (start > 0) ? window.get(0) : null;
        ThreadKey upper = full ? window.get(window.size() - 1) : null;
        List<ThreadKey> merged = new ArrayList<>(window);
        long base = start;
        for (ThreadKey placeholder : placeholders) {
            if (lower != null && placeholder.isBefore(lower)) {
                base++;
            }
            else if (upper == null || placeholder.isBefore(upper)) {
                merged.add(placeholder);
            }
        }
        merged.sort(ThreadKey.ORDER);
        int from = (int) Math.max(0, offset - base);
        int to = Math.min(merged.size(), from + pageSize);
        return (from < to) ? List.copyOf(merged.subList(from, to)) : List.of();
    }

    /** The position among all visible threads of a thread, given how many approved ones come before it. */
    static long position(ThreadKey thread, long approvedBefore, List<ThreadKey> placeholders) {
        return approvedBefore + placeholders.stream().filter((placeholder) -> placeholder.isBefore(thread)).count();
    }

}
