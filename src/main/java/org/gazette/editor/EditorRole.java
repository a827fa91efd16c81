package org.gazette.editor;

/** What an editor may do: every editor moderates; an admin also manages accounts. */
public enum EditorRole {

    EDITOR, ADMIN

}
