package org.gazette.comment;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;

/**
 * The "Leave a Reply" form. Setters normalise what was typed (line endings, NFC,
 * trimming) so that validation counts what will be stored, and the form re-displays
 * it on a refusal.
 */
public class ReplyForm {

    public static final int MAX_COMMENT = 10_000;

    public static final int MAX_NAME = 100;

    public static final int MAX_EMAIL = 254;

    public static final int MAX_WEBSITE = 200;

    @NotBlank(message = "{reply.comment.required}")
    @PlainText(max = MAX_COMMENT, multiline = true, message = "{reply.comment.tooLong}")
    private String comment;

    @NotBlank(message = "{reply.author.required}")
    @PlainText(max = MAX_NAME, message = "{reply.author.tooLong}")
    private String author;

    @NotBlank(message = "{reply.email.required}")
    @PlainText(max = MAX_EMAIL, message = "{reply.email.tooLong}")
    // Empty passes here: @NotBlank reports it, and one message is enough.
    @Email(regexp = "([^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+)?", message = "{reply.email.invalid}")
    private String email;

    @PlainText(max = MAX_WEBSITE, message = "{reply.url.tooLong}")
    @WebAddress(message = "{reply.url.invalid}")
    private String url;

    private Long replyTo;

    private boolean remember;

    /** The honeypot: hidden from people, so only a robot fills it. */
    private String subject;

    public String getComment() {
        return this.comment;
    }

    public void setComment(String comment) {
        this.comment = Texts.normalise(comment);
    }

    public String getAuthor() {
        return this.author;
    }

    public void setAuthor(String author) {
        this.author = Texts.normalise(author);
    }

    public String getEmail() {
        return this.email;
    }

    public void setEmail(String email) {
        this.email = Texts.normalise(email);
    }

    public String getUrl() {
        return this.url;
    }

    public void setUrl(String url) {
        String normalised = Texts.normalise(url);
        this.url = (normalised == null || normalised.isEmpty()) ? null : normalised;
    }

    public Long getReplyTo() {
        return this.replyTo;
    }

    public void setReplyTo(Long replyTo) {
        this.replyTo = replyTo;
    }

    public boolean isRemember() {
        return this.remember;
    }

    public void setRemember(boolean remember) {
        this.remember = remember;
    }

    public String getSubject() {
        return this.subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    boolean isHoneypotFilled() {
        return this.subject != null && !this.subject.isBlank();
    }

    Author toAuthor() {
        return new Author(this.author, this.email.toLowerCase(java.util.Locale.ROOT), this.url);
    }

}
