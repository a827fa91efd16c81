package org.gazette.comment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.gazette.article.Article;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the comments shown under an article, one page of top-level threads at a time,
 * in a fixed number of queries whatever the number of comments: the approved count,
 * the placeholder threads, the approved thread count, this page's window of threads
 * (read in index order), and the comments of the page's threads (roots, then replies).
 */
@Service
public class CommentThreads {

    private final CommentRepository comments;

    private final CommentProperties properties;

    private final CommentRenderer renderer;

    private final ThreadPositions positions;

    private final ThreadPositions.Counts counts = new StoredCounts();

    CommentThreads(CommentRepository comments, CommentProperties properties, CommentRenderer renderer,
            ThreadPositions positions) {
        this.comments = comments;
        this.properties = properties;
        this.renderer = renderer;
        this.positions = positions;
    }

    /**
     * The given page of the article's comments.
     * @param heldCommentId a held comment to show to its author (from a verified
     * token), or empty
     * @throws CommentPageNotFoundException the page does not exist
     */
    @Transactional(readOnly = true)
    public ThreadPage page(Article article, int number, Optional<Long> heldCommentId) {
        int size = this.properties.pageSize();
        Long articleId = article.getId();
        Optional<Comment> held = heldCommentId.flatMap(this.comments::findById)
            .filter((comment) -> comment.getArticleId().equals(articleId))
            .filter((comment) -> comment.getStatus() == CommentStatus.PENDING
                    || comment.getStatus() == CommentStatus.SPAM);
        long approved = this.comments.countApproved(articleId);
        List<ThreadKey> placeholders = (approved > 0) ? this.comments.findRemovedThreadsWithVisibleReplies(articleId)
                : List.of();
        long visibleThreads = (approved > 0) ? this.comments.countApprovedThreads(articleId) + placeholders.size()
                : 0;
        int pageCount = (int) Math.max(1, (visibleThreads + size - 1) / size);
        Optional<Comment> heldThread = held.filter(Comment::isTopLevel);
        int heldPage = heldThread.map((comment) -> pageOf(comment, placeholders)).orElse(0);
        pageCount = Math.max(pageCount, heldPage);
        if (number < 1 || number > pageCount) {
            throw new CommentPageNotFoundException(number);
        }
        List<Long> threadIds = new ArrayList<>();
        if (visibleThreads > 0) {
            long offset = (long) (number - 1) * size;
            long start = ThreadPaging.windowStart(offset, placeholders);
            List<ThreadKey> window = this.comments.findApprovedThreads(articleId,
                    new OffsetLimit(start, ThreadPaging.windowSize(size, placeholders)));
            ThreadPaging.page(placeholders, window, start, offset, size).forEach((key) -> threadIds.add(key.id()));
        }
        if (heldPage == number) {
            threadIds.add(heldThread.get().getId());
        }
        List<Comment> loaded = new ArrayList<>();
        if (!threadIds.isEmpty()) {
            loaded.addAll(this.comments.findRoots(threadIds));
            loaded.addAll(this.comments.findReplies(threadIds));
        }
        List<CommentView> threads = build(loaded, held.map(Comment::getId).orElse(null));
        boolean personal = held.isPresent() && contains(threads, held.get().getId());
        return new ThreadPage(approved, number, pageCount, threads, personal);
    }

    /**
     * The page the comment's thread is on. Counts only the threads after the article's
     * anchor (see {@link ThreadPositions}), so placing a new comment's thread does not
     * cost more as the discussion grows.
     */
    @Transactional(readOnly = true)
    public int pageOf(Comment comment) {
        Comment root = comment.isTopLevel() ? comment : this.comments.findById(comment.getRootId()).orElseThrow();
        long position = this.positions.position(root.getArticleId(), new ThreadKey(root.getId(), root.getCreatedAt()),
                this.counts);
        return pageAt(position);
    }

    private int pageOf(Comment root, List<ThreadKey> placeholders) {
        return pageAt(visibleThreadsBefore(root.getArticleId(), new ThreadKey(root.getId(), root.getCreatedAt()),
                placeholders));
    }

    private int pageAt(long position) {
        return (int) (position / this.properties.pageSize()) + 1;
    }

    /** Visible threads (approved top-level comments and the given placeholders) before the thread, counted in full. */
    private long visibleThreadsBefore(Long articleId, ThreadKey key, List<ThreadKey> placeholders) {
        long approvedBefore = this.comments.countApprovedThreadsBefore(articleId, key.createdAt(), key.id());
        return ThreadPaging.position(key, approvedBefore, placeholders);
    }

    /** The name of the approved comment of this article a reader wants to reply to, if it can take a reply. */
    @Transactional(readOnly = true)
    public Optional<String> replyTarget(Article article, long commentId) {
        return this.comments.findById(commentId)
            .filter((comment) -> comment.getArticleId().equals(article.getId()) && comment.isApproved())
            .filter((comment) -> comment.getDepth() < this.properties.threadDepth())
            .map(Comment::getAuthorName);
    }

    /**
     * Nests the loaded comments: approved ones and the author's own held one are shown;
     * another comment stands as a placeholder only while it has shown replies.
     */
    private List<CommentView> build(List<Comment> loaded, Long heldId) {
        Set<Long> needed = new HashSet<>();
        for (int i = loaded.size() - 1; i >= 0; i--) {
            Comment comment = loaded.get(i);
            boolean shown = comment.isApproved() || comment.getId().equals(heldId);
            if ((shown || needed.contains(comment.getId())) && comment.getParentId() != null) {
                needed.add(comment.getParentId());
            }
        }
        Map<Long, CommentView> views = new HashMap<>();
        List<CommentView> roots = new ArrayList<>();
        for (Comment comment : loaded) {
            CommentView view = view(comment, heldId, needed);
            if (view == null) {
                continue;
            }
            views.put(comment.getId(), view);
            if (comment.isTopLevel()) {
                roots.add(view);
            }
            else {
                CommentView parent = views.get(comment.getParentId());
                if (parent != null) {
                    parent.addReply(view);
                }
            }
        }
        return roots;
    }

    private CommentView view(Comment comment, Long heldId, Set<Long> needed) {
        if (comment.isApproved()) {
            boolean replyable = comment.getDepth() < this.properties.threadDepth();
            return CommentView.shown(comment, this.renderer.toHtml(comment.getBody()), replyable);
        }
        if (comment.getId().equals(heldId)) {
            return CommentView.awaiting(comment, this.renderer.toHtml(comment.getBody()));
        }
        return needed.contains(comment.getId()) ? CommentView.placeholder(comment) : null;
    }

    /** Visible threads (approved top-level comments and placeholders) counted in the database. */
    private final class StoredCounts implements ThreadPositions.Counts {

        @Override
        public long before(Long articleId, ThreadKey key) {
            return visibleThreadsBefore(articleId, key,
                    CommentThreads.this.comments.findRemovedThreadsWithVisibleReplies(articleId));
        }

        @Override
        public long between(Long articleId, ThreadKey from, ThreadKey to) {
            return CommentThreads.this.comments.countVisibleThreadsBetween(articleId, from.createdAt(), from.id(),
                    to.createdAt(), to.id());
        }

    }

    private static boolean contains(List<CommentView> views, long id) {
        for (CommentView view : views) {
            if (view.getId() == id || contains(view.getReplies(), id)) {
                return true;
            }
        }
        return false;
    }

}
