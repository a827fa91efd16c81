package org.gazette.comment;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Turns every write of a {@link Comment} into a {@link CommentsChanged} event, and tells
 * {@link ThreadPositions} which thread it may have moved. JPQL bulk updates bypass it:
 * use them only for what readers never see (such as clearing client addresses).
 */
@Component
class CommentChangeListener {

    private final ApplicationEventPublisher events;

    /** Absent where only the persistence layer runs (JPA test slices). */
    private final ObjectProvider<ThreadPositions> positions;

    private volatile ThreadPositions resolved;

    CommentChangeListener(ApplicationEventPublisher events, ObjectProvider<ThreadPositions> positions) {
        this.events = events;
        this.positions = positions;
    }

    @PostPersist
    @PostUpdate
    @PostRemove
    void changed(Comment comment) {
        ThreadPositions threads = threadPositions();
        if (threads != null && comment.isTopLevel()) {
            threads.threadChanged(comment.getArticleId(), new ThreadKey(comment.getId(), comment.getCreatedAt()));
        }
        else if (threads != null) {
            threads.replyChanged(comment.getArticleId());
        }
        this.events.publishEvent(new CommentsChanged(comment.getArticleId()));
    }

    private ThreadPositions threadPositions() {
        ThreadPositions threads = this.resolved;
        if (threads == null) {
            threads = this.positions.getIfUnique();
            this.resolved = threads;
        }
        return threads;
    }

}
