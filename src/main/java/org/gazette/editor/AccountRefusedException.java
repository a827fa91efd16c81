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

        /** Another account has that username (compared without case). */
        USERNAME_TAKEN("account.refused.usernameTaken"),
        /** An admin cannot disable their own account. */
        OWN_ACCOUNT("account.refused.ownAccount"),
        /** The desk must keep at least one enabled admin. */
        LAST_ADMIN("account.refused.lastAdmin");

        private final String messageCode;

        Reason(String messageCode) {
            this.messageCode = messageCode;
        }

        /** The message key that explains the refusal to the admin. */
        public String messageCode() {
            return this.messageCode;
        }

    }

}
