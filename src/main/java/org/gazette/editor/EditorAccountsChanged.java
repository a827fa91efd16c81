package org.gazette.editor;

/**
 * Published when an editor account is added, changed or removed, whichever way it was
 * written: what other features remember of the accounts (such as the staff names
 * commenters may not use) must be read again.
 */
public record EditorAccountsChanged() {

}
