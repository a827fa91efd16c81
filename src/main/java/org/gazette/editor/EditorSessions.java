package org.gazette.editor;

import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The editors signed in now, on any node. Disabling an account or changing its password
 * ends that editor's other sessions (once the change is committed) by marking them
 * expired in the database, so a disabled editor is out at their next click on every
 * node rather than when their session times out.
 */
@Component
class EditorSessions {

    private final SessionRegistry registry;

    EditorSessions(SessionRegistry registry) {
        this.registry = registry;
    }

    /**
     * Ends every session of the editor except the one making this request (an admin
     * who resets their own password stays signed in to read the new one).
     */
    void endAfterCommit(String username) {
        String current = currentSessionId();
        Runnable end = () -> end(username, current);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    end.run();
                }
            });
        }
        else {
            end.run();
        }
    }

    private void end(String username, String keep) {
        for (SessionInformation session : this.registry.getAllSessions(username, false)) {
            if (!session.getSessionId().equals(keep)) {
                session.expireNow();
            }
        }
    }

    private static String currentSessionId() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            HttpSession session = servlet.getRequest().getSession(false);
            return (session != null) ? session.getId() : null;
        }
        return null;
    }

}
