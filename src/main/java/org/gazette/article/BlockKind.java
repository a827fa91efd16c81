package org.gazette.article;

/** What a block of an article's body is. */
public enum BlockKind {

    PARAGRAPH, SUBHEADING, PHOTO

}
