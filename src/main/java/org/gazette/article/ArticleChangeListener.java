package org.gazette.article;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Turns every write of an {@link Article} into an {@link ArticleChanged} event. */
@Component
class ArticleChangeListener {

    private final ApplicationEventPublisher events;

    ArticleChangeListener(ApplicationEventPublisher events) {
        this.events = events;
    }

    @PostPersist
    @PostUpdate
    @PostRemove
    void changed(Article article) {
        this.events.publishEvent(new ArticleChanged(article.getId()));
    }

}
