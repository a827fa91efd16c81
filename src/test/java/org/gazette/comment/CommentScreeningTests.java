package org.gazette.comment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class CommentScreeningTests {

    private static final Author ANN = new Author("Ann", "ann@example.com", null);

    @Test
    void approvesKnownCommenterInFirstTimeMode() {
        Facts facts = new Facts().approvedBefore(true);
        assertThat(verdict(rules(ModerationMode.FIRST_TIME), plain("Good piece."), facts))
            .isEqualTo(new Verdict(CommentStatus.APPROVED, StatusReason.KNOWN_COMMENTER, null));
    }

    @Test
    void holdsFirstTimeCommenter() {
        assertThat(verdict(rules(ModerationMode.FIRST_TIME), plain("Hello"), new Facts()).status())
            .isEqualTo(CommentStatus.PENDING);
        assertThat(verdict(rules(ModerationMode.FIRST_TIME), plain("Hello"), new Facts()).reason())
            .isEqualTo(StatusReason.FIRST_TIME);
    }

    @Test
    void holdsEveryCommentInModeAll() {
        Facts facts = new Facts().approvedBefore(true);
        assertThat(verdict(rules(ModerationMode.ALL), plain("Hello"), facts).reason())
            .isEqualTo(StatusReason.MODERATION_ALL);
    }

    @Test
    void approvesFirstTimeCommenterInModeNone() {
        assertThat(verdict(rules(ModerationMode.NONE), plain("Hello"), new Facts()).status())
            .isEqualTo(CommentStatus.APPROVED);
    }

    @Test
    void marksFilledHoneypotAsSpamBeforeAnyOtherCheck() {
        Facts facts = new Facts().duplicate(true).since(Duration.ofSeconds(1));
        Submission robot = new Submission(ANN, "Buy now", "10.0.0.1", true);
        assertThat(verdict(rules(ModerationMode.NONE), robot, facts))
            .isEqualTo(new Verdict(CommentStatus.SPAM, StatusReason.HONEYPOT, null));
        assertThat(facts.asked).isEmpty();
    }

    @Test
    void refusesTheSameNameSayingTheSameThingAgain() {
        CommentScreening.Outcome outcome = new CommentScreening(rules(ModerationMode.NONE)).screen(plain("Same"),
                new Facts().duplicate(true));
        assertThat(outcome).isInstanceOf(CommentScreening.Duplicate.class);
    }

    @Test
    void refusesCommentWithinFloodIntervalOfTheSameAddressAndSaysHowLongToWait() {
        CommentScreening.Outcome outcome = new CommentScreening(rules(ModerationMode.NONE)).screen(plain("Again"),
                new Facts().since(Duration.ofSeconds(5)));
        assertThat(outcome).isEqualTo(new CommentScreening.TooSoon(Duration.ofSeconds(10)));
    }

    @Test
    void ownRepeatIsADuplicateBeforeItIsAFlood() {
        CommentScreening.Outcome outcome = new CommentScreening(rules(ModerationMode.NONE)).screen(plain("Same"),
                new Facts().duplicate(true).since(Duration.ofSeconds(1)));
        assertThat(outcome).isInstanceOf(CommentScreening.Duplicate.class);
    }

    // matches through the email alone: never a refusal, never a change a stranger sees ----

    @ParameterizedTest
    @EnumSource(ModerationMode.class)
    void matchesThroughTheEmailAloneNeverRefuse(ModerationMode mode) {
        Facts facts = new Facts().emailRepeatsText(true).sinceEmail(Duration.ofSeconds(1));
        assertThat(new CommentScreening(rules(mode)).screen(plain("Copied"), facts))
            .isInstanceOf(CommentScreening.Accepted.class);
    }

    @Test
    void holdsTheSameTextWithTheSameEmailUnderAnotherNameWithItsReason() {
        Facts facts = new Facts().emailRepeatsText(true).sinceEmail(Duration.ofSeconds(1));
        assertThat(verdict(rules(ModerationMode.FIRST_TIME), plain("Copied"), facts))
            .isEqualTo(new Verdict(CommentStatus.PENDING, StatusReason.EMAIL_REPEATS_TEXT, null));
    }

    @Test
    void holdsAnEmailUsedWithinTheFloodIntervalFromAnotherAddressWithItsReason() {
        Facts facts = new Facts().sinceEmail(Duration.ofSeconds(4));
        assertThat(verdict(rules(ModerationMode.ALL), plain("From my phone"), facts))
            .isEqualTo(new Verdict(CommentStatus.PENDING, StatusReason.EMAIL_RECENTLY_USED, "4 s apart"));
        assertThat(verdict(rules(ModerationMode.ALL), plain("Later"), new Facts().sinceEmail(Duration.ofSeconds(15))))
            .isEqualTo(new Verdict(CommentStatus.PENDING, StatusReason.MODERATION_ALL, null));
    }

    @Test
    void emailMatchesLeaveACommentThatWouldBePublishedAsItIs() {
        Facts off = new Facts().emailRepeatsText(true).sinceEmail(Duration.ofSeconds(1));
        assertThat(verdict(rules(ModerationMode.NONE), plain("Copied"), off))
            .isEqualTo(new Verdict(CommentStatus.APPROVED, StatusReason.MODERATION_OFF, null));
        assertThat(off.asked).doesNotContain("emailText", "emailSince");
        Facts known = new Facts().approvedBefore(true).emailRepeatsText(true).sinceEmail(Duration.ofSeconds(1));
        assertThat(verdict(rules(ModerationMode.FIRST_TIME), plain("Copied"), known).reason())
            .isEqualTo(StatusReason.KNOWN_COMMENTER);
        assertThat(known.asked).doesNotContain("emailText", "emailSince");
    }

    @Test
    void asksBothEmailFactsWhateverTheFirstAnswers() {
        Facts repeats = new Facts().emailRepeatsText(true);
        Facts fresh = new Facts();
        verdict(rules(ModerationMode.ALL), plain("Hello"), repeats);
        verdict(rules(ModerationMode.ALL), plain("Hello"), fresh);
        assertThat(repeats.asked).isEqualTo(fresh.asked).endsWith("emailText", "emailSince");
    }

    @Test
    void acceptsCommentOnceFloodIntervalHasPassed() {
        CommentScreening.Outcome outcome = new CommentScreening(rules(ModerationMode.NONE)).screen(plain("Later"),
                new Facts().since(Duration.ofSeconds(15)));
        assertThat(outcome).isInstanceOf(CommentScreening.Accepted.class);
    }

    @Test
    void skipsFloodControlWhenIntervalIsZero() {
        CommentRules rules = new CommentRules(ModerationMode.ALL, 2, 0, 5, Duration.ZERO, List.of(), List.of());
        Facts facts = new Facts().since(Duration.ZERO).sinceEmail(Duration.ZERO);
        assertThat(verdict(rules, plain("Fast"), facts).reason()).isEqualTo(StatusReason.MODERATION_ALL);
        assertThat(facts.asked).doesNotContain("since", "emailSince");
    }

    @Test
    void marksDisallowedWordAsSpamWhereverItAppears() {
        CommentRules rules = withWords(List.of("casino"), List.of());
        assertThat(verdict(rules, plain("Visit my CASINO"), new Facts()))
            .isEqualTo(new Verdict(CommentStatus.SPAM, StatusReason.DISALLOWED_WORD, "casino"));
        Submission inWebsite = new Submission(new Author("Bo", "bo@example.com", "https://casino.example"), "Hi",
                "10.0.0.1", false);
        assertThat(verdict(rules, inWebsite, new Facts()).status()).isEqualTo(CommentStatus.SPAM);
        Submission inEmail = new Submission(new Author("Bo", "bo@casino.example", null), "Hi", "10.0.0.1", false);
        assertThat(verdict(rules, inEmail, new Facts()).status()).isEqualTo(CommentStatus.SPAM);
    }

    @Test
    void marksDisallowedClientAddressAsSpam() {
        CommentRules rules = withWords(List.of("203.0.113.9"), List.of());
        Submission submission = new Submission(ANN, "Hi", "203.0.113.9", false);
        assertThat(verdict(rules, submission, new Facts()).reason()).isEqualTo(StatusReason.DISALLOWED_WORD);
    }

    @Test
    void holdsModerationWordAndRecordsTheTerm() {
        CommentRules rules = withWords(List.of(), List.of("refund"));
        Verdict verdict = verdict(rules, plain("I want a Refund"), new Facts().approvedBefore(true));
        assertThat(verdict).isEqualTo(new Verdict(CommentStatus.PENDING, StatusReason.MODERATION_WORD, "refund"));
        assertThat(verdict.describe()).isEqualTo("held: moderation word (refund)");
    }

    @Test
    void disallowedWordWinsOverModerationWord() {
        CommentRules rules = withWords(List.of("spam"), List.of("spam"));
        assertThat(verdict(rules, plain("spam"), new Facts()).status()).isEqualTo(CommentStatus.SPAM);
    }

    @Test
    void holdsCommentWithMoreLinksThanAllowed() {
        Facts known = new Facts().approvedBefore(true);
        String three = "See https://a.example https://b.example and https://c.example";
        assertThat(verdict(rules(ModerationMode.NONE), plain(three), known))
            .isEqualTo(new Verdict(CommentStatus.PENDING, StatusReason.TOO_MANY_LINKS, "3 links"));
        String two = "See https://a.example and https://b.example";
        assertThat(verdict(rules(ModerationMode.NONE), plain(two), known).status())
            .isEqualTo(CommentStatus.APPROVED);
    }

    @Test
    void holdsCommentSignedWithStaffName() {
        Facts facts = new Facts().staffName(true).approvedBefore(true);
        assertThat(verdict(rules(ModerationMode.NONE), plain("Official word"), facts))
            .isEqualTo(new Verdict(CommentStatus.PENDING, StatusReason.STAFF_NAME, "Ann"));
    }

    @Test
    void asksForDatabaseFactsOnlyWhenTheirRuleIsReached() {
        Facts off = new Facts();
        verdict(rules(ModerationMode.NONE), plain("Hello"), off);
        assertThat(off.asked).containsExactly("duplicate", "since", "staff");
        Facts firstTime = new Facts();
        verdict(rules(ModerationMode.FIRST_TIME), plain("Hello"), firstTime);
        assertThat(firstTime.asked).containsExactly("duplicate", "since", "staff", "approved", "emailText",
                "emailSince");
        Facts linked = new Facts();
        verdict(rules(ModerationMode.FIRST_TIME), plain("https://a.example https://b.example https://c.example"),
                linked);
        assertThat(linked.asked).containsExactly("duplicate", "since");
    }

    @Test
    void splitsEditorListsIntoLowerCaseTerms() {
        assertThat(CommentRules.terms(" Casino\n\nviagra \nCASINO\n")).containsExactly("casino", "viagra");
        assertThat(CommentRules.terms(null)).isEmpty();
    }

    private static Verdict verdict(CommentRules rules, Submission submission, Facts facts) {
        CommentScreening.Outcome outcome = new CommentScreening(rules).screen(submission, facts);
        assertThat(outcome).isInstanceOf(CommentScreening.Accepted.class);
        return ((CommentScreening.Accepted) outcome).verdict();
    }

    private static Submission plain(String body) {
        return new Submission(ANN, body, "10.0.0.1", false);
    }

    private static CommentRules rules(ModerationMode mode) {
        return new CommentRules(mode, 2, 0, 5, Duration.ofSeconds(15), List.of(), List.of());
    }

    private static CommentRules withWords(List<String> disallowed, List<String> moderated) {
        return new CommentRules(ModerationMode.NONE, 2, 0, 5, Duration.ofSeconds(15), disallowed, moderated);
    }

    /** Facts given by the test, recording which were asked. */
    private static final class Facts implements CommentScreening.Facts {

        final List<String> asked = new ArrayList<>();

        private boolean duplicate;

        private Duration since;

        private boolean staffName;

        private boolean approvedBefore;

        private boolean emailRepeatsText;

        private Duration sinceEmail;

        Facts duplicate(boolean value) {
            this.duplicate = value;
            return this;
        }

        Facts since(Duration value) {
            this.since = value;
            return this;
        }

        Facts staffName(boolean value) {
            this.staffName = value;
            return this;
        }

        Facts approvedBefore(boolean value) {
            this.approvedBefore = value;
            return this;
        }

        Facts emailRepeatsText(boolean value) {
            this.emailRepeatsText = value;
            return this;
        }

        Facts sinceEmail(Duration value) {
            this.sinceEmail = value;
            return this;
        }

        @Override
        public boolean isDuplicate() {
            this.asked.add("duplicate");
            return this.duplicate;
        }

        @Override
        public Optional<Duration> sinceLastComment() {
            this.asked.add("since");
            return Optional.ofNullable(this.since);
        }

        @Override
        public boolean isStaffName() {
            this.asked.add("staff");
            return this.staffName;
        }

        @Override
        public boolean approvedBefore() {
            this.asked.add("approved");
            return this.approvedBefore;
        }

        @Override
        public boolean emailRepeatsText() {
            this.asked.add("emailText");
            return this.emailRepeatsText;
        }

        @Override
        public Optional<Duration> sinceLastCommentWithEmail() {
            this.asked.add("emailSince");
            return Optional.ofNullable(this.sinceEmail);
        }

    }

}
