package org.gazette.editor;

/**
 * Published when an editor has signed in.
 *
 * @param username the editor
 * @param clientAddress where from
 */
public record EditorSignedIn(String username, String clientAddress) {

}
