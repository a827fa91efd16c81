package org.gazette.comment;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The automatic checks a comment goes through when it is posted, in WordPress's order
 * made into no oracle: hidden field (spam); the same name saying the same thing on the
 * article (409); a comment from the same client address within the flood interval (429);
 * disallowed words (spam); moderation words, too many links, a staff name (held); the
 * moderation mode; and last, for a comment held anyway, the same text with the same email
 * or the same email within the flood interval from another address (held, with that
 * reason). Refusals rest only on what the poster typed and readers can see, or on what the
 * same client sent; a match through the email alone never refuses and never changes
 * whether a comment is published, so posting tells a stranger nothing about other
 * people's addresses. A plain class: the facts that need the database are asked for
 * lazily, only when their rule is reached.
 */
public final class CommentScreening {

    private final CommentRules rules;

    public CommentScreening(CommentRules rules) {
        this.rules = rules;
    }

    /** What screening needs to know about the world, asked in rule order. */
    public interface Facts {

        /** Whether the same name already said the same thing on the same article. */
        boolean isDuplicate();

        /** Time since the last comment from the same client address, if any. */
        Optional<Duration> sinceLastComment();

        /** Whether the name is an editor's. */
        boolean isStaffName();

        /** Whether a comment with the same name and email was approved before. */
        boolean approvedBefore();

        /** Whether an earlier comment on the same article has the same text and email. */
        boolean emailRepeatsText();

        /** Time since the last comment with the same email, from any address, if any. */
        Optional<Duration> sinceLastCommentWithEmail();

    }

    /** The outcome: accepted in some status, or refused. */
    public sealed interface Outcome {

    }

    /** Stored with this verdict. */
    public record Accepted(Verdict verdict) implements Outcome {

    }

    /** Refused: the same name already said that. */
    public record Duplicate() implements Outcome {

    }

    /** Refused: too soon after the last comment from the same client. */
    public record TooSoon(Duration retryAfter) implements Outcome {

    }

    public Outcome screen(Submission submission, Facts facts) {
        if (submission.honeypotFilled()) {
            return new Accepted(Verdict.spam(StatusReason.HONEYPOT, null));
        }
        if (facts.isDuplicate()) {
            return new Duplicate();
        }
        Optional<Duration> since = floodControlOn() ? facts.sinceLastComment() : Optional.empty();
        if (withinFloodInterval(since)) {
            return new TooSoon(this.rules.floodInterval().minus(since.get()));
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
        Verdict verdict = byMode(facts);
        return new Accepted((verdict.status() == CommentStatus.APPROVED) ? verdict : byEmail(facts).orElse(verdict));
    }

    /**
     * The reason to record when the email alone matches, for a comment held anyway. Both
     * facts are asked whatever the first answers, so the time taken tells nothing either.
     */
    private Optional<Verdict> byEmail(Facts facts) {
        boolean repeatsText = facts.emailRepeatsText();
        Optional<Duration> since = floodControlOn() ? facts.sinceLastCommentWithEmail() : Optional.empty();
        if (repeatsText) {
            return Optional.of(Verdict.held(StatusReason.EMAIL_REPEATS_TEXT, null));
        }
        if (withinFloodInterval(since)) {
            return Optional.of(Verdict.held(StatusReason.EMAIL_RECENTLY_USED, since.get().toSeconds() + " s apart"));
        }
        return Optional.empty();
    }

    private boolean floodControlOn() {
        Duration interval = this.rules.floodInterval();
        return !interval.isZero() && !interval.isNegative();
    }

    private boolean withinFloodInterval(Optional<Duration> since) {
        return since.isPresent() && since.get().compareTo(this.rules.floodInterval()) < 0;
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
