package org.gazette.comment;

import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Tells {@link ThreadPositions} which thread every write of a {@link Comment} may have
 * moved (a reply held or spammed out of sight moves none), turns every write into a
 * {@link CommentWritten} event, and every write that readers can see into a
 * {@link CommentsChanged} event as well: a comment approved before or after the write.
 * A held or spammed comment that stays out of sight (a new comment awaiting moderation,
 * a pending comment marked as spam) leaves the public pages, and so their caches,
 * alone. JPQL bulk updates bypass it: use them only for what neither readers nor the
 * desk's counts see (such as clearing client addresses), never for a status, an author
 * or a text.
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

    @PostLoad
    void loaded(Comment comment) {
        comment.rememberStoredState();
    }

    @PostPersist
    @PostUpdate
    @PostRemove
    void changed(Comment comment) {
        ThreadPositions threads = threadPositions();
        boolean seen = comment.changesWhatReadersSee();
        if (threads != null && comment.isTopLevel()) {
            threads.threadChanged(comment.getArticleId(), new ThreadKey(comment.getId(), comment.getCreatedAt()));
        }
        else if (threads != null && seen) {
            // Only an approved reply shows a thread (or keeps its held first comment as a
            // placeholder): one that stays out of sight moves no thread.
            threads.replyChanged(comment.getArticleId());
        }
        this.events.publishEvent(new CommentWritten(comment.getArticleId()));
        if (seen) {
            this.events.publishEvent(new CommentsChanged(comment.getArticleId()));
        }
        comment.rememberStoredState();
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
