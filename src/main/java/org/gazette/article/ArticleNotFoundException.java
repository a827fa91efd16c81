package org.gazette.article;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No article has the slug asked for. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class ArticleNotFoundException extends RuntimeException {

    public ArticleNotFoundException(String slug) {
        super("No article with slug '" + slug + "'");
    }

    public ArticleNotFoundException(long id) {
        super("No article with id " + id);
    }

}
