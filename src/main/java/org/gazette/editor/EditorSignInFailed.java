package org.gazette.editor;

/**
 * Published when a sign-in was refused after its password was checked (one refused
 * before, by the throttle or because every check was busy, is not).
 *
 * @param typed the username as typed, made safe and short (see {@link Usernames#loggable})
 * @param username the account it names, or {@code null} when no account has that username
 * @param clientAddress where from
 * @param reason why it was refused
 */
public record EditorSignInFailed(String typed, String username, String clientAddress, Reason reason) {

    /** Why a sign-in was refused. */
    public enum Reason {

        /** No account has that username (or the username breaks the rule). */
        UNKNOWN_USERNAME,
        /** The password is not the account's. */
        WRONG_PASSWORD,
        /** The password is right but the account is disabled. */
        DISABLED,
        /**
         * The password is right but the account has had too many failed sign-ins from
         * browsers that never signed in to it, and this is one of them.
         */
        HELD_BACK

    }

}
