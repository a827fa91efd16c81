package org.gazette.exchange;

/** An export that cannot start as asked (an unknown article); nothing was written. */
public class ExportRefusedException extends RuntimeException {

    public ExportRefusedException(String message) {
        super(message);
    }

}
