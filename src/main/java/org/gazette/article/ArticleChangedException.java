package org.gazette.article;

/** An article was saved from a form filled in over a version another editor has saved since. */
public class ArticleChangedException extends RuntimeException {

    public ArticleChangedException(long id) {
        super("Article " + id + " was changed by another editor");
    }

}
