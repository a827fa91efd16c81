package org.gazette.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks a sign-in against the editor accounts, in an order that tells a stranger
 * nothing: the password is checked first, always (against a stand-in hash when the
 * username is unknown or breaks the rule), and only then whether the account is
 * disabled or held back for browsers it does not know; every refusal gets the same
 * answer. The username is the one {@link SignInAttempt} canonicalised for the throttle,
 * looked up by exact match.
 */
class EditorAuthenticationProvider implements AuthenticationProvider {

    /** The authority of an editor who must change their password before working the desk. */
    static final String PASSWORD_CHANGE_REQUIRED = "PASSWORD_CHANGE_REQUIRED";

    private final EditorAccountRepository accounts;

    private final PasswordEncoder passwordEncoder;

    private final SignInThrottle throttle;

    private final String standInHash;

    EditorAuthenticationProvider(EditorAccountRepository accounts, PasswordEncoder passwordEncoder,
            SignInThrottle throttle) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.throttle = throttle;
        this.standInHash = passwordEncoder.encode(Passwords.generate());
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        SignInAttempt attempt = attemptOf(authentication);
        String password = (authentication.getCredentials() != null) ? authentication.getCredentials().toString() : "";
        Optional<EditorAccount> found = Optional.ofNullable(attempt.username()).flatMap(this.accounts::findByUsername);
        boolean matches = this.passwordEncoder.matches(password,
                found.map(EditorAccount::getPasswordHash).orElse(this.standInHash));
        if (found.isEmpty()) {
            throw new UsernameNotFoundException("Bad credentials");
        }
        EditorAccount account = found.get();
        if (!matches) {
            throw new BadCredentialsException("Bad credentials");
        }
        if (!account.isEnabled()) {
            throw new DisabledException("Bad credentials");
        }
        if (!attempt.knownBrowser() && this.throttle.held(account.getUsername())) {
            throw new SignInHeldException();
        }
        if (this.passwordEncoder.upgradeEncoding(account.getPasswordHash())) {
            rehash(account, password);
        }
        User user = new User(account.getUsername(), "", authorities(account));
        UsernamePasswordAuthenticationToken signedIn = UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.getAuthorities());
        signedIn.setDetails(attempt);
        return signedIn;
    }

    /** Stores the password hashed with the current scheme; should the account have changed meanwhile, next time. */
    private void rehash(EditorAccount account, String password) {
        try {
            account.rehash(this.passwordEncoder.encode(password));
            this.accounts.save(account);
        }
        catch (OptimisticLockingFailureException ex) {
            // changed by someone else since it was read: the next sign-in tries again
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static SignInAttempt attemptOf(Authentication authentication) {
        if (authentication.getDetails() instanceof SignInAttempt attempt) {
            return attempt;
        }
        String typed = authentication.getName();
        return new SignInAttempt(typed, Usernames.canonical(typed).orElse(null), "", "", false);
    }

    private static List<GrantedAuthority> authorities(EditorAccount account) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_EDITOR"));
        if (account.isAdmin()) {
            authorities.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
        }
        if (account.isPasswordChangeRequired()) {
            authorities.add(new SimpleGrantedAuthority(PASSWORD_CHANGE_REQUIRED));
        }
        return authorities;
    }

}
