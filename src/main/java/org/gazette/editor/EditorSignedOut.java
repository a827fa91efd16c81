package org.gazette.editor;

/**
 * Published when an editor has signed out.
 *
 * @param username the editor
 * @param clientAddress where from
 */
public record EditorSignedOut(String username, String clientAddress) {

}
