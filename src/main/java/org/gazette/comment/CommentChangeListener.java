package org.gazette.comment;

import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Turns every write of a {@link Comment} into a {@link CommentWritten} event, and every
 * write that readers can see into a {@link CommentsChanged} event as well: a comment
 * approved before or after the write. A held or spammed comment that stays out of
 * sight (a new comment awaiting moderation, a pending comment marked as spam) leaves
 * the public pages, and so their caches, alone. JPQL bulk updates bypass it: use them
 * only for what neither readers nor the desk's counts see (such as clearing client
 * addresses), never for a status, an author or a text.
 */
@Component
class CommentChangeListener {

    private final ApplicationEventPublisher events;

    CommentChangeListener(ApplicationEventPublisher events) {
        this.events = events;
    }

    @PostLoad
    void loaded(Comment comment) {
        comment.rememberStoredState();
    }

    @PostPersist
    @PostUpdate
    @PostRemove
    void changed(Comment comment) {
        this.events.publishEvent(new CommentWritten(comment.getArticleId()));
        if (comment.changesWhatReadersSee()) {
            this.events.publishEvent(new CommentsChanged(comment.getArticleId()));
        }
        comment.rememberStoredState();
    }

}
