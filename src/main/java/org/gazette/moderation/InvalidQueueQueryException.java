package org.gazette.moderation;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A queue address with a status, page, order or id the desk does not know: 400. */
@ResponseStatus(HttpStatus.BAD_REQUEST)
class InvalidQueueQueryException extends RuntimeException {

    InvalidQueueQueryException() {
        super("Unknown queue parameter", null, false, false);
    }

}
