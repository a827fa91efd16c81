package org.gazette.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A page of the front page (or a part of the sitemap) that does not exist. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class FrontPageNotFoundException extends RuntimeException {

    FrontPageNotFoundException() {
        super("No such page of the list of articles");
    }

}
