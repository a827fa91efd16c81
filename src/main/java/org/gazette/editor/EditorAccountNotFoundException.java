package org.gazette.editor;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No editor account has that id. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class EditorAccountNotFoundException extends RuntimeException {

    EditorAccountNotFoundException(long id) {
        super("No editor account " + id);
    }

}
