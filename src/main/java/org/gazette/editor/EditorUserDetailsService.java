package org.gazette.editor;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signs editors in from their accounts in the database. A disabled account is refused
 * (after its password has been checked like any other, so the answer takes as long),
 * and a password hashed with an outdated scheme is re-hashed at sign-in.
 */
@Service
class EditorUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

    private final EditorAccountRepository accounts;

    EditorUserDetailsService(EditorAccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        EditorAccount account = this.accounts.findByUsernameIgnoreCase(username)
            .orElseThrow(() -> new UsernameNotFoundException("Bad credentials"));
        return toUser(account);
    }

    @Override
    @Transactional
    public UserDetails updatePassword(UserDetails user, String newPassword) {
        EditorAccount account = this.accounts.findByUsernameIgnoreCase(user.getUsername())
            .orElseThrow(() -> new UsernameNotFoundException("Bad credentials"));
        account.changePassword(newPassword);
        return toUser(account);
    }

    private static UserDetails toUser(EditorAccount account) {
        String[] roles = account.isAdmin() ? new String[] { "EDITOR", "ADMIN" } : new String[] { "EDITOR" };
        return User.withUsername(account.getUsername())
            .password(account.getPasswordHash())
            .roles(roles)
            .disabled(!account.isEnabled())
            .build();
    }

}
