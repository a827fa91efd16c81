package org.gazette.comment;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A comment page number that does not exist. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class CommentPageNotFoundException extends RuntimeException {

    public CommentPageNotFoundException(int page) {
        super("No comment page " + page);
    }

}
