package org.gazette.moderation;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A queue page past the last one: 404. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class QueuePageNotFoundException extends RuntimeException {

    QueuePageNotFoundException() {
        super("No such queue page", null, false, false);
    }

}
