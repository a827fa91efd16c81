package org.gazette.moderation;

import java.util.Locale;

import org.gazette.editor.EditorSignInFailed;
import org.gazette.editor.EditorSignedIn;
import org.gazette.editor.EditorSignedOut;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes sign-ins, failed sign-ins and sign-outs to the audit log, each in its own
 * transaction. A failed sign-in names the account only when one has the username, and
 * keeps the username as typed (made safe and short) and why it failed in the detail.
 * Should the line not be written, the sign-in is answered all the same and the failure
 * is logged.
 */
@Component
class SignInAudit {

    private static final Logger logger = LoggerFactory.getLogger(SignInAudit.class);

    private final AuditLog audit;

    private final MessageSource messages;

    private final TransactionTemplate transactions;

    SignInAudit(AuditLog audit, MessageSource messages, PlatformTransactionManager transactions) {
        this.audit = audit;
        this.messages = messages;
        this.transactions = new TransactionTemplate(transactions);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @EventListener
    void signedIn(EditorSignedIn event) {
        write(event.username(), AuditAction.SIGN_IN, event.clientAddress(), null);
    }

    @EventListener
    void signedOut(EditorSignedOut event) {
        write(event.username(), AuditAction.SIGN_OUT, event.clientAddress(), null);
    }

    @EventListener
    void failed(EditorSignInFailed event) {
        String reason = this.messages.getMessage("audit.signInFailed." + event.reason().name(), null, Locale.ROOT);
        // what was typed is kept only when it names an account: people type passwords there too
        String typed = (event.username() != null) ? event.typed()
                : this.messages.getMessage("audit.signInFailed.unknownName", null, Locale.ROOT);
        String detail = this.messages.getMessage("audit.signInFailed", new Object[] { typed, reason }, Locale.ROOT);
        write((event.username() != null) ? event.username() : "", AuditAction.SIGN_IN_FAILED, event.clientAddress(),
                detail);
    }

    private void write(String editor, AuditAction action, String clientAddress, String detail) {
        try {
            this.transactions.executeWithoutResult((status) -> this.audit.recordAccess(editor, action, clientAddress,
                    detail));
        }
        catch (RuntimeException ex) {
            logger.error("Could not write {} of '{}' from {} to the audit log", action, editor, clientAddress, ex);
        }
    }

}
