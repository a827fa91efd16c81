package org.gazette.editor;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Turns every write of an {@link EditorAccount} into an {@link EditorAccountsChanged} event. */
@Component
class EditorAccountChangeListener {

    private final ApplicationEventPublisher events;

    EditorAccountChangeListener(ApplicationEventPublisher events) {
        this.events = events;
    }

    @PostPersist
    @PostUpdate
    @PostRemove
    void changed(EditorAccount account) {
        this.events.publishEvent(new EditorAccountsChanged());
    }

}
