package org.gazette.comment;

/**
 * A reply that cannot be placed: its parent is not an approved comment of the
 * article, or the thread is already as deep as replies go. The message is a key in
 * {@code messages.properties}.
 */
public class InvalidReplyException extends RuntimeException {

    private final String messageKey;

    public InvalidReplyException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return this.messageKey;
    }

}
