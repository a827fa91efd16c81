package org.gazette.comment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gazette.article.Article;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An article's newest approved comments for its feed, each with the page of the article
 * its thread is on, in a fixed number of queries: the comments, the placeholder threads,
 * and the place of each comment's thread.
 */
@Service
public class CommentFeed {

    /** How many comments the feed carries. */
    public static final int SIZE = 50;

    private final CommentRepository comments;

    private final CommentProperties properties;

    private final CommentRenderer renderer;

    CommentFeed(CommentRepository comments, CommentProperties properties, CommentRenderer renderer) {
        this.comments = comments;
        this.properties = properties;
        this.renderer = renderer;
    }

    /** The article's newest approved comments, newest first. */
    @Transactional(readOnly = true)
    public List<FeedComment> newest(Article article) {
        List<Comment> newest = this.comments.findNewestApproved(article.getId(), PageRequest.of(0, SIZE));
        if (newest.isEmpty()) {
            return List.of();
        }
        Set<Long> roots = new LinkedHashSet<>();
        newest.forEach((comment) -> roots.add(comment.getRootId()));
        List<ThreadKey> placeholders = this.comments.findRemovedThreadsWithVisibleReplies(article.getId());
        Map<Long, Integer> pages = new HashMap<>();
        for (Object[] row : this.comments.findApprovedThreadsBefore(roots)) {
            ThreadKey root = new ThreadKey((Long) row[0], (Instant) row[1]);
            long position = ThreadPaging.position(root, (Long) row[2], placeholders);
            pages.put(root.id(), (int) (position / this.properties.pageSize()) + 1);
        }
        List<FeedComment> feed = new ArrayList<>(newest.size());
        for (Comment comment : newest) {
            feed.add(new FeedComment(comment.getId(), comment.getAuthorName(), comment.getCreatedAt(),
                    comment.getUpdatedAt(), this.renderer.toHtml(comment.getBody()),
                    pages.getOrDefault(comment.getRootId(), 1)));
        }
        return feed;
    }

    /**
     * An approved comment as its article's feed shows it: never its author's email.
     *
     * @param id the comment
     * @param authorName its author's name
     * @param createdAt when it was posted
     * @param updatedAt when it last changed
     * @param html its text as the article page renders it
     * @param page the page of the article its thread is on
     */
    public record FeedComment(long id, String authorName, Instant createdAt, Instant updatedAt,
            String html, int page) {

    }

}
