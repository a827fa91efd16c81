package org.gazette.comment;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Approved comment counts for lists of articles: the articles of one page in one query. */
@Service
public class CommentCounts {

    private final CommentRepository comments;

    CommentCounts(CommentRepository comments) {
        this.comments = comments;
    }

    /** Approved comments of each of the given articles; one without any is absent. */
    @Transactional(readOnly = true)
    public Map<Long, Long> approvedOf(Collection<Long> articleIds) {
        Map<Long, Long> counts = new HashMap<>();
        if (articleIds.isEmpty()) {
            return counts;
        }
        for (Object[] row : this.comments.countApprovedOf(articleIds)) {
            counts.put((Long) row[0], (Long) row[1]);
        }
        return counts;
    }

}
