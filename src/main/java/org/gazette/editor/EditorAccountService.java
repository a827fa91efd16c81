package org.gazette.editor;

import java.time.Clock;
import java.util.List;

import org.gazette.Change;
import org.gazette.ClientAddresses;
import org.gazette.SharedChanges;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adding, disabling, enabling and resetting editor accounts, and an editor changing
 * their own password, with the rules that keep the desk usable: usernames follow
 * {@link Usernames} and are unique without regard to case, an admin cannot disable
 * their own account, and the last enabled admin stays enabled. A generated password
 * must be changed at the next sign-in. Disabling an account or changing its password
 * ends that editor's other sessions.
 */
@Service
public class EditorAccountService {

    /** The shortest password an admin may choose. */
    public static final int MIN_PASSWORD_LENGTH = 12;

    /** BCrypt reads at most 72 bytes of a password. */
    public static final int MAX_PASSWORD_BYTES = 72;

    private final EditorAccountRepository accounts;

    private final PasswordEncoder passwordEncoder;

    private final EditorSessions sessions;

    private final Clock clock;

    private final SignInThrottle throttle;

    private final PasswordChecks checks;

    private final SharedChanges changes;

    EditorAccountService(EditorAccountRepository accounts, PasswordEncoder passwordEncoder, EditorSessions sessions,
            Clock clock, SignInThrottle throttle, PasswordChecks checks, SharedChanges changes) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.sessions = sessions;
        this.clock = clock;
        this.throttle = throttle;
        this.checks = checks;
        this.changes = changes;
    }

    /** Every account, by username. */
    @Transactional(readOnly = true)
    public List<EditorAccount> accounts() {
        return this.accounts.findAllByOrderByUsername();
    }

    /**
     * Adds an account, under the canonical form of the username.
     * @param password the chosen password, or {@code null} to generate one (which the
     * editor must then change at the first sign-in)
     * @return the new account, with the generated password when one was generated
     * @throws AccountRefusedException the username breaks the rule or is taken
     */
    @Transactional
    public AccountChange create(String username, String displayName, EditorRole role, String password) {
        String name = Usernames.canonical(username)
            .orElseThrow(() -> new AccountRefusedException(AccountRefusedException.Reason.USERNAME_INVALID));
        if (this.accounts.existsByUsername(name)) {
            throw new AccountRefusedException(AccountRefusedException.Reason.USERNAME_TAKEN);
        }
        String generated = (password == null) ? Passwords.generate() : null;
        String chosen = (password != null) ? password : generated;
        if (!Passwords.acceptable(chosen)) {
            throw new IllegalArgumentException("The password does not meet the length rules");
        }
        EditorAccount account = new EditorAccount(name, displayName.strip(), this.passwordEncoder.encode(chosen), role,
                this.clock.instant());
        if (generated != null) {
            account.requirePasswordChange();
        }
        try {
            account = this.accounts.saveAndFlush(account);
        }
        catch (DataIntegrityViolationException ex) {
            // another admin added the same username at the same moment
            throw new AccountRefusedException(AccountRefusedException.Reason.USERNAME_TAKEN);
        }
        // a new display name commenters may not use
        this.changes.publish(Change.staff());
        return new AccountChange(account, true, generated);
    }

    /**
     * Disables an account: it can no longer sign in, and its sessions end.
     * @param actingUsername the admin doing it
     * @throws AccountRefusedException it is the admin's own account, or the last
     * enabled admin
     */
    @Transactional
    public AccountChange disable(long id, String actingUsername) {
        List<EditorAccount> enabledAdmins = this.accounts.lockEnabledAdmins();
        EditorAccount account = find(id);
        if (Usernames.canonical(actingUsername).filter(account.getUsername()::equals).isPresent()) {
            throw new AccountRefusedException(AccountRefusedException.Reason.OWN_ACCOUNT);
        }
        if (!account.isEnabled()) {
            return new AccountChange(account, false, null);
        }
        if (account.isAdmin() && enabledAdmins.size() <= 1) {
            throw new AccountRefusedException(AccountRefusedException.Reason.LAST_ADMIN);
        }
        account.disable();
        this.accounts.saveAndFlush(account);
        this.sessions.endAfterCommit(account.getUsername());
        return new AccountChange(account, true, null);
    }

    /** Enables an account again. */
    @Transactional
    public AccountChange enable(long id) {
        EditorAccount account = find(id);
        if (account.isEnabled()) {
            return new AccountChange(account, false, null);
        }
        account.enable();
        this.accounts.saveAndFlush(account);
        return new AccountChange(account, true, null);
    }

    /**
     * Gives an account a new generated password, which the editor must change at the
     * next sign-in; the old one stops working and the editor's other sessions end.
     */
    @Transactional
    public AccountChange resetPassword(long id) {
        EditorAccount account = find(id);
        String generated = Passwords.generate();
        account.resetPassword(this.passwordEncoder.encode(generated));
        this.accounts.saveAndFlush(account);
        this.sessions.endAfterCommit(account.getUsername());
        return new AccountChange(account, true, generated);
    }

    /**
     * An editor changes their own password; their other sessions end. The current
     * password is checked under the sign-in limits: wrong ones count against the editor
     * and client as failed sign-ins do (so a stolen session cannot guess it at leisure),
     * and the check waits its turn among the password checks running at once.
     * @param username the signed-in editor
     * @param current their current password
     * @param chosen the new one, which must meet the length rules
     * @param clientAddress the address the change comes from
     * @throws AccountRefusedException the current password is not right, the client has
     * got it wrong too often, every check is busy, or the new one is the same
     */
    @Transactional
    public AccountChange changeOwnPassword(String username, String current, String chosen, String clientAddress) {
        EditorAccount account = this.accounts.findByUsername(username)
            .orElseThrow(() -> new IllegalStateException("No account for the signed-in editor " + username));
        String client = ClientAddresses.limitKey(clientAddress);
        if (this.throttle.waitFor(account.getUsername(), client).isPresent()) {
            throw new AccountRefusedException(AccountRefusedException.Reason.TOO_MANY_ATTEMPTS);
        }
        PasswordChecks.Permit check = this.checks.tryAcquire(true)
            .orElseThrow(() -> new AccountRefusedException(AccountRefusedException.Reason.CHECKS_BUSY));
        boolean right;
        try {
            right = this.passwordEncoder.matches(current, account.getPasswordHash());
        }
        finally {
            check.release();
        }
        if (!right) {
            this.throttle.failed(account.getUsername(), client, true, true);
            throw new AccountRefusedException(AccountRefusedException.Reason.WRONG_PASSWORD);
        }
        if (!Passwords.acceptable(chosen)) {
            throw new IllegalArgumentException("The password does not meet the length rules");
        }
        if (chosen.equals(current)) {
            throw new AccountRefusedException(AccountRefusedException.Reason.SAME_PASSWORD);
        }
        account.changePassword(this.passwordEncoder.encode(chosen));
        this.accounts.saveAndFlush(account);
        this.sessions.endAfterCommit(account.getUsername());
        return new AccountChange(account, true, null);
    }

    private EditorAccount find(long id) {
        return this.accounts.findById(id).orElseThrow(() -> new EditorAccountNotFoundException(id));
    }

}
