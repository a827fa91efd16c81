package org.gazette.comment;

/** Where a comment stands: only approved comments are shown to readers. */
public enum CommentStatus {

    PENDING, APPROVED, SPAM, TRASH;

    /** The lower-case name used in URLs and labels ({@code pending}). */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses a URL key such as {@code spam}; empty for anything unknown. */
    public static java.util.Optional<CommentStatus> fromKey(String key) {
        for (CommentStatus status : values()) {
            if (status.key().equals(key)) {
                return java.util.Optional.of(status);
            }
        }
        return java.util.Optional.empty();
    }

}
