package org.gazette.moderation;

import java.util.List;
import java.util.Locale;

import org.gazette.editor.AccountChange;
import org.gazette.editor.AccountRefusedException;
import org.gazette.editor.EditorAccount;
import org.gazette.editor.EditorAccountService;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The admins' account changes, and an editor's change of their own password, each
 * written to the audit log in the same transaction (the log names the account, never a
 * password).
 */
@Service
class AccountAdministration {

    private final EditorAccountService accounts;

    private final AuditLog audit;

    private final MessageSource messages;

    private final TransactionTemplate ownTransaction;

    AccountAdministration(EditorAccountService accounts, AuditLog audit, MessageSource messages,
            PlatformTransactionManager transactions) {
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.accounts = accounts;
        this.audit = audit;
        this.messages = messages;
    }

    /** The accounts page's rows, for the signed-in admin. */
    List<AccountView> accounts(String admin) {
        return AccountView.of(this.accounts.accounts(), admin);
    }

    /**
     * Adds an account.
     * @throws AccountRefusedException the username is taken
     */
    @Transactional
    AccountChange create(AccountForm form, String admin) {
        AccountChange change = this.accounts.create(form.getUsername(), form.getDisplayName(), form.getRole(),
                form.chosenPassword());
        this.audit.record(admin, AuditAction.ACCOUNT_CREATE, null, null, null, null, describe(change.account()));
        return change;
    }

    /**
     * Disables an account.
     * @throws AccountRefusedException it is the admin's own, or the last enabled admin
     */
    @Transactional
    AccountChange disable(long id, String admin) {
        AccountChange change = this.accounts.disable(id, admin);
        if (change.changed()) {
            this.audit.record(admin, AuditAction.ACCOUNT_DISABLE, null, null, "enabled", "disabled",
                    describe(change.account()));
        }
        return change;
    }

    @Transactional
    AccountChange enable(long id, String admin) {
        AccountChange change = this.accounts.enable(id);
        if (change.changed()) {
            this.audit.record(admin, AuditAction.ACCOUNT_ENABLE, null, null, "disabled", "enabled",
                    describe(change.account()));
        }
        return change;
    }

    @Transactional
    AccountChange resetPassword(long id, String admin) {
        AccountChange change = this.accounts.resetPassword(id);
        this.audit.record(admin, AuditAction.ACCOUNT_RESET, null, null, null, null, describe(change.account()));
        return change;
    }

    /**
     * An editor changes their own password; their other sessions end.
     * @throws AccountRefusedException the current password is not right, or the new one
     * is the same
     */
    @Transactional
    AccountChange changeOwnPassword(String editor, PasswordForm form, String clientAddress) {
        AccountChange change;
        try {
            change = this.accounts.changeOwnPassword(editor, form.getCurrentPassword(), form.getNewPassword(),
                    clientAddress);
        }
        catch (AccountRefusedException ex) {
            if (ex.getReason() != AccountRefusedException.Reason.SAME_PASSWORD) {
                // its own transaction: the change's rolls back, the line about it must stay
                this.ownTransaction.executeWithoutResult((status) -> this.audit.recordAccess(editor,
                        AuditAction.PASSWORD_CHANGE_REFUSED, clientAddress, ex.getReason().name()));
            }
            throw ex;
        }
        this.audit.recordAccess(editor, AuditAction.PASSWORD_CHANGE, clientAddress, null);
        return change;
    }

    /** "alice (Alice Smith, editor)": who the line is about. */
    private String describe(EditorAccount account) {
        Locale locale = LocaleContextHolder.getLocale();
        String role = this.messages.getMessage(AccountView.roleKey(account.getRole()), null, locale);
        return this.messages.getMessage("audit.account",
                new Object[] { account.getUsername(), account.getDisplayName(), role }, locale);
    }

}
