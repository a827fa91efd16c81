package org.gazette.browser;

import java.util.UUID;

import org.gazette.comment.CommentService;
import org.gazette.comment.PostedComment;
import org.gazette.comment.ReplyForm;

/**
 * Comments for the browser tests to read and answer, posted through the same service
 * the form uses, on the seed article.
 */
final class CommentFixtures {

    private CommentFixtures() {
    }

    /**
     * Posts a comment (a reply when {@code parent} is given) as {@code name}, with an
     * email address of its own; it is approved when the moderation mode is {@code none}.
     */
    static PostedComment post(CommentService comments, String name, String text, Long parent) {
        ReplyForm form = new ReplyForm();
        form.setAuthor(name);
        form.setEmail("reader-" + UUID.randomUUID() + "@example.org");
        form.setComment(text);
        form.setReplyTo(parent);
        return comments.submit(ArticlePage.SEED_SLUG, form, "192.0.2.10");
    }

    /** A word no other test uses, to tell one test's comments from another's. */
    static String unique(String text) {
        return text + " " + UUID.randomUUID().toString().substring(0, 8);
    }

}
