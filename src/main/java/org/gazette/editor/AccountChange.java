package org.gazette.editor;

/**
 * The outcome of an account change.
 *
 * @param account the account as it is now
 * @param changed whether anything changed (disabling a disabled account changes
 * nothing)
 * @param generatedPassword the new password when one was generated, to be shown once;
 * otherwise {@code null}
 */
public record AccountChange(EditorAccount account, boolean changed, String generatedPassword) {

    @Override
    public String toString() {
        return "AccountChange[account=" + this.account.getUsername() + ", changed=" + this.changed + "]";
    }

}
