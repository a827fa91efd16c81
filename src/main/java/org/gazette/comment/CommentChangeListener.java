package org.gazette.comment;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Turns every write of a {@link Comment} into a {@link CommentsChanged} event. JPQL
 * bulk updates bypass it: use them only for what readers never see (such as clearing
 * client addresses).
 */
@Component
class CommentChangeListener {

    private final ApplicationEventPublisher events;

    CommentChangeListener(ApplicationEventPublisher events) {
        this.events = events;
    }

    @PostPersist
    @PostUpdate
    @PostRemove
    void changed(Comment comment) {
        this.events.publishEvent(new CommentsChanged(comment.getArticleId()));
    }

}
