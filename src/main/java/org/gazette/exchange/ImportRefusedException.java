package org.gazette.exchange;

/**
 * A file that cannot be imported, with where and why: nothing of it has been stored.
 * The message reads like {@code export.xml: line 57, <wp:comment_date_gmt>: not a date:
 * 2021-13-45}.
 */
public class ImportRefusedException extends RuntimeException {

    private final String file;

    private final int line;

    private final String element;

    private final String reason;

    public ImportRefusedException(String file, int line, String element, String reason) {
        super(message(file, line, element, reason));
        this.file = file;
        this.line = line;
        this.element = element;
        this.reason = reason;
    }

    private static String message(String file, int line, String element, String reason) {
        StringBuilder message = new StringBuilder(file).append(": ");
        if (line > 0) {
            message.append("line ").append(line).append(", ");
        }
        if (element != null) {
            message.append('<').append(element).append(">: ");
        }
        return message.append(reason).toString();
    }

    /** The file's name. */
    public String getFile() {
        return this.file;
    }

    /** The line of the file, or 0 when the problem is not on one line. */
    public int getLine() {
        return this.line;
    }

    /** The element (with its prefix), or {@code null}. */
    public String getElement() {
        return this.element;
    }

    /** What is wrong. */
    public String getReason() {
        return this.reason;
    }

}
