package org.gazette.comment;

import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Approved comment counts for the front page, every article in one query. */
@Service
public class CommentCounts {

    private final CommentRepository comments;

    CommentCounts(CommentRepository comments) {
        this.comments = comments;
    }

    /** Approved comments per article id; an article without any is absent. */
    @Transactional(readOnly = true)
    public Map<Long, Long> approvedByArticle() {
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] row : this.comments.countApprovedByArticle()) {
            counts.put((Long) row[0], (Long) row[1]);
        }
        return counts;
    }

}
