package org.gazette.editor;

import java.util.Date;
import java.util.List;

import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The editors' sessions as the database holds them ({@link SpringSessionBackedSessionRegistry}),
 * except that the session of the request being served is answered from the copy that request
 * has already read: Spring Security asks for it on every desk request to see whether it has
 * been ended, which read the session from the database a second time (BENCHMARKS.md, row 23).
 * A session ended on another node is marked in the database, and each request reads its
 * session afresh, so the mark is seen at the next click on every node.
 */
final class EditorSessionRegistry implements SessionRegistry {

    /** The attribute by which Spring Session's registry marks a session ended. */
    private static final String EXPIRED = "org.springframework.session.security.SpringSessionBackedSessionInformation.EXPIRED";

    private final SpringSessionBackedSessionRegistry<?> stored;

    <S extends Session> EditorSessionRegistry(FindByIndexNameSessionRepository<S> sessions) {
        this.stored = new SpringSessionBackedSessionRegistry<>(sessions);
    }

    @Override
    public SessionInformation getSessionInformation(String sessionId) {
        HttpSession current = currentSession();
        if (current != null && current.getId().equals(sessionId)) {
            return new CurrentSessionInformation(current);
        }
        return this.stored.getSessionInformation(sessionId);
    }

    @Override
    public List<Object> getAllPrincipals() {
        return this.stored.getAllPrincipals();
    }

    @Override
    public List<SessionInformation> getAllSessions(Object principal, boolean includeExpiredSessions) {
        return this.stored.getAllSessions(principal, includeExpiredSessions);
    }

    @Override
    public void refreshLastRequest(String sessionId) {
        this.stored.refreshLastRequest(sessionId);
    }

    @Override
    public void registerNewSession(String sessionId, Object principal) {
        this.stored.registerNewSession(sessionId, principal);
    }

    @Override
    public void removeSessionInformation(String sessionId) {
        this.stored.removeSessionInformation(sessionId);
    }

    private static HttpSession currentSession() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            return servlet.getRequest().getSession(false);
        }
        return null;
    }

    /** The request's own session, ended when marked so; ending it marks it, saved with the request. */
    private static final class CurrentSessionInformation extends SessionInformation {

        private static final long serialVersionUID = 1L;

        private final transient HttpSession session;

        CurrentSessionInformation(HttpSession session) {
            super(principalOf(session), session.getId(), new Date(session.getLastAccessedTime()));
            this.session = session;
            if (Boolean.TRUE.equals(session.getAttribute(EXPIRED))) {
                super.expireNow();
            }
        }

        @Override
        public void expireNow() {
            super.expireNow();
            this.session.setAttribute(EXPIRED, Boolean.TRUE);
        }

        private static Object principalOf(HttpSession session) {
            Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
            if (context instanceof SecurityContext security && security.getAuthentication() != null) {
                return security.getAuthentication().getName();
            }
            Object name = session.getAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME);
            return (name != null) ? name : "";
        }

    }

}
