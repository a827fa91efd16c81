package org.gazette.article;

/** Whether readers can see an article: a draft is seen on the desk only. */
public enum ArticleStatus {

    DRAFT, PUBLISHED

}
