package org.gazette.comment;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The automatic checks a comment goes through when it is posted, in WordPress's
 * order: hidden field, duplicates, flood control, disallowed words, moderation words
 * and links and staff names, then the moderation mode. A plain class: the facts that
 * need the database are asked for lazily, only when their rule is reached.
 */
public final class CommentScreening {

    private final CommentRules rules;

    public CommentScreening(CommentRules rules) {
        this.rules = rules;
    }

    /** What screening needs to know about the world, asked in rule order. */
    public interface Facts {

        /** Whether the same author already said the same thing on the same article. */
        boolean isDuplicate();

        /** Time since the last comment from the same client address or email, if any. */
        Optional<Duration> sinceLastComment();

        /** Whether the name is an editor's. */
        boolean isStaffName();

        /** Whether a comment with the same name and email was approved before. */
        boolean approvedBefore();

    }

    /** The outcome: accepted in some status, or refused. */
    public sealed interface Outcome {

    }

    /** Stored with this verdict. */
    public record Accepted(Verdict verdict) implements Outcome {

    }

    /** Refused: the author already said that. */
    public record Duplicate() implements Outcome {

    }

    /** Refused: too soon after the last comment. */
    public record TooSoon(Duration retryAfter) implements Outcome {

    }

    public Outcome screen(Submission submission, Facts facts) {
        if (submission.honeypotFilled()) {
            return new Accepted(Verdict.spam(StatusReason.HONEYPOT, null));
        }
        if (facts.isDuplicate()) {
            return new Duplicate();
        }
        Duration interval = this.rules.floodInterval();
        if (!interval.isZero() && !interval.isNegative()) {
            Optional<Duration> since = facts.sinceLastComment();
            if (since.isPresent() && since.get().compareTo(interval) < 0) {
                return new TooSoon(interval.minus(since.get()));
            }
        }
        Optional<String> disallowed = firstTerm(this.rules.disallowedWords(), submission);
        if (disallowed.isPresent()) {
            return new Accepted(Verdict.spam(StatusReason.DISALLOWED_WORD, disallowed.get()));
        }
        Optional<String> moderated = firstTerm(this.rules.moderationWords(), submission);
        if (moderated.isPresent()) {
            return new Accepted(Verdict.held(StatusReason.MODERATION_WORD, moderated.get()));
        }
        int links = LinkCounter.count(submission.body());
        if (links > this.rules.maxLinks()) {
            return new Accepted(Verdict.held(StatusReason.TOO_MANY_LINKS, links + " links"));
        }
        if (facts.isStaffName()) {
            return new Accepted(Verdict.held(StatusReason.STAFF_NAME, submission.author().name()));
        }
        return new Accepted(byMode(facts));
    }

    private Verdict byMode(Facts facts) {
        return switch (this.rules.mode()) {
            case NONE -> Verdict.approved(StatusReason.MODERATION_OFF);
            case ALL -> Verdict.held(StatusReason.MODERATION_ALL, null);
            case FIRST_TIME -> facts.approvedBefore() ? Verdict.approved(StatusReason.KNOWN_COMMENTER)
                    : Verdict.held(StatusReason.FIRST_TIME, null);
        };
    }

    /** The first term of the list found in any field the author filled or in the client address. */
    private static Optional<String> firstTerm(java.util.List<String> terms, Submission submission) {
        if (terms.isEmpty()) {
            return Optional.empty();
        }
        Author author = submission.author();
        String haystack = Stream
            .of(author.name(), author.email(), author.website(), submission.body(), submission.clientAddress())
            .filter((field) -> field != null)
            .map((field) -> field.toLowerCase(Locale.ROOT))
            .reduce("", (a, b) -> a + "\n" + b);
        return terms.stream().filter(haystack::contains).findFirst();
    }

}
