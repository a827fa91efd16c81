package org.gazette.editor;

/** An account change the rules do not allow; nothing was changed. */
public class AccountRefusedException extends RuntimeException {

    private final Reason reason;

    AccountRefusedException(Reason reason) {
        super(reason.name());
        this.reason = reason;
    }

    public Reason getReason() {
        return this.reason;
    }

    /** Why an account change was refused. */
    public enum Reason {

        /** The username breaks the rule of {@link Usernames}. */
        USERNAME_INVALID("account.username.invalid"),
        /** Another account has that username (compared without case). */
        USERNAME_TAKEN("account.refused.usernameTaken"),
        /** An admin cannot disable their own account. */
        OWN_ACCOUNT("account.refused.ownAccount"),
        /** The desk must keep at least one enabled admin. */
        LAST_ADMIN("account.refused.lastAdmin"),
        /** The current password given to change it is not right. */
        WRONG_PASSWORD("password.current.wrong"),
        /** The new password is the current one. */
        SAME_PASSWORD("password.new.same"),
        /** Too many wrong current passwords from this client: try again later. */
        TOO_MANY_ATTEMPTS("password.current.throttled"),
        /** Every password check is busy: try again in a moment. */
        CHECKS_BUSY("password.current.busy");

        private final String messageCode;

        Reason(String messageCode) {
            this.messageCode = messageCode;
        }

        /** The message key that explains the refusal. */
        public String messageCode() {
            return this.messageCode;
        }

    }

}
