package org.gazette.comment;

/**
 * A comment as screening sees it: normalised fields, the client address and
 * whether the hidden field was filled.
 *
 * @param author who wrote it
 * @param body the normalised text
 * @param clientAddress the client's address, as far as it can be trusted
 * @param honeypotFilled whether the field people never see was filled
 */
public record Submission(Author author, String body, String clientAddress, boolean honeypotFilled) {

}
