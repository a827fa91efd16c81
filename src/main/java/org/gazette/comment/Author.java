package org.gazette.comment;

/**
 * Who wrote a comment, as they gave it (already normalised).
 *
 * @param name the name shown with the comment
 * @param email never shown on a public page; kept in lower case
 * @param website optional http(s) address, or {@code null}
 */
public record Author(String name, String email, String website) {

}
