package org.gazette.editor;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * Writes a session's last access to the database at most once a minute: Spring Session
 * writes it at the end of every request, a database write (and on H2 a flush of the file)
 * for each click on the desk. Any other change to the session (an attribute, its id, its
 * timeout) is written at once, with the last access. The stored last access may lag the
 * real one by up to a minute, so an idle session ends between 29 and 30 minutes after the
 * last click rather than at 30, and the session limit's "least recently used" is exact to
 * a minute (BENCHMARKS.md, row 27). Relies on Spring Session's default save mode, which
 * writes attributes only when they are set.
 */
final class LastAccessWrites {

    /** How long a session's stored last access may lag the real one. */
    static final Duration LAG = Duration.ofMinutes(1);

    private LastAccessWrites() {
    }

    /** Puts the repository behind one that writes the last access at most every {@link #LAG}. */
    static BeanPostProcessor wrapping() {
        return new BeanPostProcessor() {

            @Override
            @SuppressWarnings("unchecked")
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof FindByIndexNameSessionRepository<?> repository
                        && !(bean instanceof Repository<?>)) {
                    return new Repository<>((FindByIndexNameSessionRepository<Session>) repository);
                }
                return bean;
            }

        };
    }

    /** The sessions of the repository it wraps, saved only when more than their last access changed or it is due. */
    static final class Repository<S extends Session> implements FindByIndexNameSessionRepository<Tracked<S>> {

        private final FindByIndexNameSessionRepository<S> sessions;

        Repository(FindByIndexNameSessionRepository<S> sessions) {
            this.sessions = sessions;
        }

        @Override
        public Tracked<S> createSession() {
            return new Tracked<>(this.sessions.createSession(), true);
        }

        @Override
        public void save(Tracked<S> session) {
            if (session.due()) {
                session.stored.setLastAccessedTime(session.lastAccessed);
                this.sessions.save(session.stored);
                session.saved();
            }
        }

        @Override
        public @Nullable Tracked<S> findById(String id) {
            S session = this.sessions.findById(id);
            return (session != null) ? new Tracked<>(session, false) : null;
        }

        @Override
        public void deleteById(String id) {
            this.sessions.deleteById(id);
        }

        @Override
        public Map<String, Tracked<S>> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            Map<String, Tracked<S>> found = new LinkedHashMap<>();
            this.sessions.findByIndexNameAndIndexValue(indexName, indexValue)
                .forEach((id, session) -> found.put(id, new Tracked<>(session, false)));
            return found;
        }

    }

    /** A session as a request uses it: its last access kept here until it is due to be written. */
    static final class Tracked<S extends Session> implements Session {

        private final S stored;

        private Instant lastAccessed;

        private Instant lastWritten;

        private boolean changed;

        Tracked(S stored, boolean created) {
            this.stored = stored;
            this.lastAccessed = stored.getLastAccessedTime();
            this.lastWritten = this.lastAccessed;
            this.changed = created;
        }

        boolean due() {
            return this.changed || !this.lastAccessed.isBefore(this.lastWritten.plus(LAG));
        }

        void saved() {
            this.changed = false;
            this.lastWritten = this.lastAccessed;
        }

        @Override
        public String getId() {
            return this.stored.getId();
        }

        @Override
        public String changeSessionId() {
            this.changed = true;
            return this.stored.changeSessionId();
        }

        @Override
        public <T> @Nullable T getAttribute(String attributeName) {
            return this.stored.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return this.stored.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, @Nullable Object attributeValue) {
            this.changed = true;
            this.stored.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            this.changed = true;
            this.stored.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return this.stored.getCreationTime();
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            this.lastAccessed = lastAccessedTime;
        }

        @Override
        public Instant getLastAccessedTime() {
            return this.lastAccessed;
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            this.changed = true;
            this.stored.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return this.stored.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            Duration timeout = getMaxInactiveInterval();
            return !timeout.isNegative() && !Instant.now().isBefore(this.lastAccessed.plus(timeout));
        }

    }

}
