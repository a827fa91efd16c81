package org.gazette.exchange;

/** The kinds of file an import reads, told apart by their content. */
public enum ImportFormat {

    /** A WordPress export (WXR 1.1 or 1.2): posts and their comments. */
    WORDPRESS,

    /** A Disqus export: threads and their posts (comments). */
    DISQUS,

    /** Markdown with a front-matter header: one article. */
    MARKDOWN,

    /** Gazette's plain-text capture of a news page: one article. */
    CAPTURE

}
