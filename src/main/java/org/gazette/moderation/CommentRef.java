package org.gazette.moderation;

import java.util.Optional;

/**
 * A comment as the editor saw it: its id and the version the page showed. An action
 * carries it so the desk can tell when another editor changed the comment meanwhile.
 *
 * @param id the comment's id
 * @param version the version the editor's page showed
 */
record CommentRef(long id, long version) {

    private static final int MAX_DIGITS = 18;

    /** Parses a bulk checkbox value, {@code 12:3}; empty when it is not one. */
    static Optional<CommentRef> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        int colon = value.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        Optional<Long> id = number(value.substring(0, colon));
        Optional<Long> version = number(value.substring(colon + 1));
        return (id.isPresent() && version.isPresent()) ? Optional.of(new CommentRef(id.get(), version.get()))
                : Optional.empty();
    }

    /** A plain non-negative decimal number of at most 18 digits; empty otherwise. */
    static Optional<Long> number(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_DIGITS
                || !value.chars().allMatch((c) -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(value));
    }

    /** The checkbox value, {@code 12:3}. */
    String token() {
        return this.id + ":" + this.version;
    }

}
