package org.gazette.exchange;

/** An export that could not be written to its end (the output failed). */
public class ExportFailedException extends RuntimeException {

    public ExportFailedException(String message, Throwable cause) {
        super(message, cause);
    }

}
