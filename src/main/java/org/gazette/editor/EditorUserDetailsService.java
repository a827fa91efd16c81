package org.gazette.editor;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Signs editors in from their accounts in the database. */
@Service
class EditorUserDetailsService implements UserDetailsService {

    private final EditorAccountRepository accounts;

    EditorUserDetailsService(EditorAccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        EditorAccount account = this.accounts.findByUsernameIgnoreCase(username)
            .orElseThrow(() -> new UsernameNotFoundException("Bad credentials"));
        String[] roles = account.isAdmin() ? new String[] { "EDITOR", "ADMIN" } : new String[] { "EDITOR" };
        return User.withUsername(account.getUsername())
            .password(account.getPasswordHash())
            .roles(roles)
            .disabled(!account.isEnabled())
            .build();
    }

}
