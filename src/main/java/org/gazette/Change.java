package org.gazette;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A committed change to what some node keeps in memory, published by the code that
 * made it through {@link SharedChanges} and delivered, as a local event, to every
 * node: the one event that every copy derived from the database listens to.
 *
 * @param topic what changed
 * @param articleId the article concerned ({@link Topic#ARTICLE}, {@link Topic#COMMENTS},
 * {@link Topic#QUEUE}), otherwise {@code null}
 * @param threadsFrom for {@link Topic#COMMENTS}: the creation time of the earliest
 * thread whose place among the visible threads may have moved, or {@code null} when any
 * thread of the article may have
 */
public record Change(Topic topic, @Nullable Long articleId, @Nullable Instant threadsFrom) {

    /** What a change is about. */
    public enum Topic {

        /** An article itself (text, slug, dateline, whether it takes comments): moves its page version. */
        ARTICLE,

        /** Comments readers see, before or after the write: moves the article's page version. */
        COMMENTS,

        /** Comments only the desk sees (held, spam, trash), which leave the public pages alone. */
        QUEUE,

        /** The comment rules (the settings row, whose own version moves with them). */
        SETTINGS,

        /** Editor accounts: the staff names commenters may not use. */
        STAFF,

        /** Anything may have changed: what a node may have missed while it was not listening. */
        EVERYTHING

    }

    public static Change article(long articleId) {
        return new Change(Topic.ARTICLE, articleId, null);
    }

    public static Change comments(long articleId, @Nullable Instant threadsFrom) {
        return new Change(Topic.COMMENTS, articleId, threadsFrom);
    }

    public static Change queue(long articleId) {
        return new Change(Topic.QUEUE, articleId, null);
    }

    public static Change settings() {
        return new Change(Topic.SETTINGS, null, null);
    }

    public static Change staff() {
        return new Change(Topic.STAFF, null, null);
    }

    public static Change everything() {
        return new Change(Topic.EVERYTHING, null, null);
    }

    /** Whether the change moves its article's stored page version. */
    boolean movesPageVersion() {
        return this.topic == Topic.ARTICLE || this.topic == Topic.COMMENTS;
    }

    /** The two changes as one, if they are about the same thing: the earliest thread, or any. */
    @Nullable Change mergedWith(Change other) {
        if (this.topic != other.topic || !Objects.equals(this.articleId, other.articleId)) {
            return null;
        }
        if (this.threadsFrom == null || other.threadsFrom == null) {
            return new Change(this.topic, this.articleId, null);
        }
        return this.threadsFrom.isBefore(other.threadsFrom) ? this : other;
    }

    /** The change as text for another node: {@code "COMMENTS 12 2022-01-12T17:00:00Z"}. */
    String encode() {
        StringBuilder text = new StringBuilder(this.topic.name());
        if (this.articleId != null) {
            text.append(' ').append(this.articleId);
            if (this.threadsFrom != null) {
                text.append(' ').append(this.threadsFrom);
            }
        }
        return text.toString();
    }

    /** The change another node sent; anything unreadable counts as everything. */
    static Change decode(String text) {
        String[] parts = text.strip().split(" ");
        try {
            Topic topic = Topic.valueOf(parts[0]);
            Long articleId = (parts.length > 1) ? Long.valueOf(parts[1]) : null;
            Instant threadsFrom = (parts.length > 2) ? Instant.parse(parts[2]) : null;
            boolean needsArticle = topic == Topic.ARTICLE || topic == Topic.COMMENTS || topic == Topic.QUEUE;
            if (needsArticle != (articleId != null) || parts.length > 3) {
                return everything();
            }
            return new Change(topic, articleId, threadsFrom);
        }
        catch (IllegalArgumentException | DateTimeParseException ex) {
            return everything();
        }
    }

}
