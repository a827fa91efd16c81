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
        SAME_PASSWORD("password.new.same");

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
