package org.gazette.editor;

import org.springframework.security.authentication.AccountStatusException;

/**
 * The account has had too many failed sign-ins from browsers that never signed in to
 * it, and this browser is one of those: refused, with the same answer as a wrong
 * password, until the window passes.
 */
class SignInHeldException extends AccountStatusException {

    private static final long serialVersionUID = 1L;

    SignInHeldException() {
        super("Bad credentials");
    }

}
