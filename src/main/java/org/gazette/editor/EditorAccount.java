package org.gazette.editor;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A member of the newsroom who signs in to moderate. */
@Entity
public class EditorAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String username;

    private String displayName;

    private String passwordHash;

    @Enumerated(EnumType.STRING)
    private EditorRole role;

    private boolean enabled = true;

    private boolean passwordChangeRequired;

    private Instant createdAt;

    @Version
    private long version;

    protected EditorAccount() {
    }

    public EditorAccount(String username, String displayName, String passwordHash, EditorRole role,
            Instant createdAt) {
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.role = role;
        this.createdAt = createdAt;
    }

    /** A generated password: the editor must change it at the first sign-in. */
    void requirePasswordChange() {
        this.passwordChangeRequired = true;
    }

    public void disable() {
        this.enabled = false;
    }

    public void enable() {
        this.enabled = true;
    }

    /** The editor chose a new password: no change is required of them any more. */
    void changePassword(String passwordHash) {
        this.passwordHash = passwordHash;
        this.passwordChangeRequired = false;
    }

    /** Someone else chose the password (generated it): the editor must change it at the next sign-in. */
    void resetPassword(String passwordHash) {
        this.passwordHash = passwordHash;
        this.passwordChangeRequired = true;
    }

    /** The same password, hashed again with the current scheme. */
    void rehash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public Long getId() {
        return this.id;
    }

    public String getUsername() {
        return this.username;
    }

    public String getDisplayName() {
        return this.displayName;
    }

    public String getPasswordHash() {
        return this.passwordHash;
    }

    public EditorRole getRole() {
        return this.role;
    }

    public boolean isAdmin() {
        return this.role == EditorRole.ADMIN;
    }

    public boolean isEnabled() {
        return this.enabled;
    }

    /** Whether the editor must choose a new password before working the desk. */
    public boolean isPasswordChangeRequired() {
        return this.passwordChangeRequired;
    }

    public Instant getCreatedAt() {
        return this.createdAt;
    }

    public long getVersion() {
        return this.version;
    }

}
