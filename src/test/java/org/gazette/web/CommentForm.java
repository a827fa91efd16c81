package org.gazette.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.gazette.article.Article;

import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;

/**
 * What a reader types into "Leave a Reply", field by field, as the browser posts it.
 * Each {@link #by(String)} gets an email address of its own, so tests sharing a
 * database are not taken for the same commenter; {@link #with} keeps it.
 */
final class CommentForm {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final Map<String, String> fields;

    private CommentForm(Map<String, String> fields) {
        this.fields = fields;
    }

    /** A valid comment by a new commenter of that name. */
    static CommentForm by(String name) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("comment", "A thoughtful comment by " + name + ".");
        fields.put("author", name);
        fields.put("email",
                name.toLowerCase(Locale.ROOT).replace(' ', '.') + "." + COUNTER.incrementAndGet() + "@mail.example");
        fields.put("url", "");
        return new CommentForm(fields);
    }

    CommentForm with(String field, String value) {
        Map<String, String> copy = new LinkedHashMap<>(this.fields);
        copy.put(field, value);
        return new CommentForm(copy);
    }

    CommentForm without(String field) {
        Map<String, String> copy = new LinkedHashMap<>(this.fields);
        copy.remove(field);
        return new CommentForm(copy);
    }

    CommentForm replyingTo(long commentId) {
        return with("replyTo", Long.toString(commentId));
    }

    String get(String field) {
        return this.fields.get(field);
    }

    /** The form posted to the article, ready for headers to be added. */
    MockMvcRequestBuilder postTo(MockMvcTester mvc, Article article) {
        return postTo(mvc, article.getSlug());
    }

    MockMvcRequestBuilder postTo(MockMvcTester mvc, String slug) {
        MockMvcRequestBuilder request = mvc.post().uri("/articles/{slug}/comments", slug);
        this.fields.forEach((name, value) -> request.param(name, value));
        return request;
    }

    /** The body as a browser sends it ({@code application/x-www-form-urlencoded}). */
    String encoded() {
        StringBuilder body = new StringBuilder();
        this.fields.forEach((name, value) -> {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        return body.toString();
    }

}
