package org.gazette.exchange;

/**
 * An import that stopped while writing (the database refused a write or went away).
 * The articles written before it are complete, each with all its comments, and the one
 * being written left nothing: once the cause is fixed, running the import again
 * finishes it.
 */
public class ImportFailedException extends RuntimeException {

    public ImportFailedException(String message, Throwable cause) {
        super(message, cause);
    }

}
