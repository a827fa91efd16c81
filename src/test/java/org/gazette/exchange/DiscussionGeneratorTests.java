package org.gazette.exchange;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.gazette.comment.ReplyForm;
import org.gazette.comment.Texts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DiscussionGeneratorTests {

    private static ValidatorFactory factory;

    private static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void writesCommentsTheFormWouldTakeWithTextsOfOneHundredToSixHundredCharacters() {
        DiscussionGenerator generator = new DiscussionGenerator(7, 2000);
        for (int i = 0; i < 3000; i++) {
            ReplyForm form = form(generator.next());
            assertThat(validator.validate(form)).as(form.getComment()).isEmpty();
            assertThat(Texts.codePoints(form.getComment())).as(form.getComment()).isBetween(100, 600);
            assertThat(form.getComment().split("https?://", -1)).as(form.getComment()).hasSizeLessThanOrEqualTo(2);
        }
    }

    @Test
    void neverWritesTheSameTextTwice() {
        DiscussionGenerator generator = new DiscussionGenerator(11, 10);
        Set<String> texts = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            assertThat(texts.add(generator.nextText())).isTrue();
        }
    }

    @Test
    void variesItsTextsLikeARealDiscussion() {
        DiscussionGenerator generator = new DiscussionGenerator(3, 2000);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            texts.add(generator.nextText());
        }
        assertThat(texts).anyMatch((text) -> text.contains("\n\n"))
            .anyMatch((text) -> text.contains("<blockquote>"))
            .anyMatch((text) -> text.contains("<em>"))
            .anyMatch((text) -> text.contains("https://"));
        double averageLength = texts.stream().mapToInt(String::length).average().orElseThrow();
        assertThat(averageLength).isBetween(300.0, 400.0);
    }

    @Test
    void aboutThreeInTenCommentsAreReplies() {
        DiscussionGenerator generator = new DiscussionGenerator(5, 2000);
        int replies = 0;
        for (int i = 0; i < 10_000; i++) {
            replies += generator.nextIsReply() ? 1 : 0;
        }
        assertThat(replies).isBetween(2800, 3200);
    }

    @Test
    void drawsReadersFromThePoolWithSomeWebsites() {
        DiscussionGenerator generator = new DiscussionGenerator(9, 50);
        Set<String> emails = new HashSet<>();
        int withWebsite = 0;
        for (int i = 0; i < 1000; i++) {
            DiscussionGenerator.Written comment = generator.next();
            emails.add(comment.email());
            withWebsite += (comment.website() != null) ? 1 : 0;
        }
        assertThat(emails).hasSizeBetween(45, 50);
        assertThat(withWebsite).isBetween(100, 300);
    }

    @Test
    void theSameSeedWritesTheSameDiscussion() {
        DiscussionGenerator first = new DiscussionGenerator(42, 100);
        DiscussionGenerator second = new DiscussionGenerator(42, 100);
        for (int i = 0; i < 50; i++) {
            assertThat(second.next()).isEqualTo(first.next());
        }
    }

    private static ReplyForm form(DiscussionGenerator.Written comment) {
        ReplyForm form = new ReplyForm();
        form.setAuthor(comment.author());
        form.setEmail(comment.email());
        form.setUrl(comment.website());
        form.setComment(comment.text());
        return form;
    }

}
