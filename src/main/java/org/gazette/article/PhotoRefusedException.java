package org.gazette.article;

/**
 * An uploaded photo was refused; the message tells the editor why, in words fit to show
 * on the desk.
 */
public class PhotoRefusedException extends RuntimeException {

    public PhotoRefusedException(String message) {
        super(message);
    }

}
