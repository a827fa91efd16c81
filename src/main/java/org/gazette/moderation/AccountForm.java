package org.gazette.moderation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.gazette.editor.EditorRole;

/** The "Add an account" form. */
@AccountPassword
public class AccountForm {

    static final int MAX_NAME = 100;

    @NotBlank(message = "{account.username.required}")
    @AccountUsername
    private String username;

    @NotBlank(message = "{account.displayName.required}")
    @Size(max = MAX_NAME, message = "{account.displayName.tooLong}")
    private String displayName;

    @NotNull(message = "{account.role.required}")
    private EditorRole role = EditorRole.EDITOR;

    private String password;

    private boolean generate;

    public String getUsername() {
        return this.username;
    }

    /** The username as typed: the account gets its canonical form (see {@code Usernames}). */
    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return this.displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = (displayName != null) ? displayName.strip() : null;
    }

    public EditorRole getRole() {
        return this.role;
    }

    public void setRole(EditorRole role) {
        this.role = role;
    }

    /** The password as typed: never trimmed, spaces count. */
    public String getPassword() {
        return this.password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public boolean isGenerate() {
        return this.generate;
    }

    public void setGenerate(boolean generate) {
        this.generate = generate;
    }

    /** The password to set, or {@code null} to generate one. */
    String chosenPassword() {
        return this.generate ? null : this.password;
    }

}
