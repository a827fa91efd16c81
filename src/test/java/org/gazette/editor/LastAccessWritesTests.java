package org.gazette.editor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which requests write a session, as Spring Session's filter uses the repository: read
 * the session, set its last access, save it at the end of the request.
 */
class LastAccessWritesTests {

    private static final Instant SIGNED_IN = Instant.parse("2026-12-05T09:00:00Z");

    private final Stored stored = new Stored();

    private final LastAccessWrites.Repository<MapSession> sessions = new LastAccessWrites.Repository<>(this.stored);

    @Test
    void aNewSessionIsWritten() {
        LastAccessWrites.Tracked<MapSession> session = this.sessions.createSession();
        session.setLastAccessedTime(SIGNED_IN);

        this.sessions.save(session);

        assertThat(this.stored.writes).containsExactly(SIGNED_IN);
    }

    @Test
    void clicksWithinAMinuteOfTheStoredLastAccessWriteNothing() {
        String id = signedIn();

        request(id, SIGNED_IN.plusSeconds(5));
        request(id, SIGNED_IN.plusSeconds(59));

        assertThat(this.stored.writes).containsExactly(SIGNED_IN);
        assertThat(this.stored.sessions.get(id).getLastAccessedTime()).isEqualTo(SIGNED_IN);
    }

    @Test
    void aClickAMinuteOrMoreAfterTheStoredLastAccessWritesIt() {
        String id = signedIn();

        request(id, SIGNED_IN.plusSeconds(30));
        request(id, SIGNED_IN.plusSeconds(60));
        request(id, SIGNED_IN.plusSeconds(90));
        request(id, SIGNED_IN.plusSeconds(125));

        assertThat(this.stored.writes).containsExactly(SIGNED_IN, SIGNED_IN.plusSeconds(60),
                SIGNED_IN.plusSeconds(125));
    }

    @Test
    void anyOtherChangeIsWrittenAtOnceWithTheLastAccess() {
        String id = signedIn();

        LastAccessWrites.Tracked<MapSession> session = this.sessions.findById(id);
        session.setLastAccessedTime(SIGNED_IN.plusSeconds(3));
        session.setAttribute("notice", "Approved 3 comments");
        this.sessions.save(session);
        session = this.sessions.findById(id);
        session.setLastAccessedTime(SIGNED_IN.plusSeconds(4));
        session.removeAttribute("notice");
        this.sessions.save(session);
        session = this.sessions.findById(id);
        session.setLastAccessedTime(SIGNED_IN.plusSeconds(5));
        session.setMaxInactiveInterval(Duration.ofMinutes(5));
        this.sessions.save(session);

        assertThat(this.stored.writes).containsExactly(SIGNED_IN, SIGNED_IN.plusSeconds(3), SIGNED_IN.plusSeconds(4),
                SIGNED_IN.plusSeconds(5));
        assertThat(this.stored.sessions.get(id).getMaxInactiveInterval()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aNewIdIsWrittenAtOnce() {
        String id = signedIn();

        LastAccessWrites.Tracked<MapSession> session = this.sessions.findById(id);
        session.setLastAccessedTime(SIGNED_IN.plusSeconds(2));
        String changed = session.changeSessionId();
        this.sessions.save(session);

        assertThat(this.stored.sessions).containsOnlyKeys(changed);
        assertThat(this.stored.writes).containsExactly(SIGNED_IN, SIGNED_IN.plusSeconds(2));
    }

    @Test
    void theRequestSeesItsOwnLastAccessAndExpiryFollowsIt() {
        String id = signedIn();
        LastAccessWrites.Tracked<MapSession> session = this.sessions.findById(id);
        session.setMaxInactiveInterval(Duration.ofMinutes(30));

        session.setLastAccessedTime(Instant.now());

        assertThat(session.getLastAccessedTime()).isAfter(SIGNED_IN);
        assertThat(session.isExpired()).isFalse();
        session.setLastAccessedTime(Instant.now().minus(Duration.ofMinutes(31)));
        assertThat(session.isExpired()).isTrue();
    }

    private String signedIn() {
        LastAccessWrites.Tracked<MapSession> session = this.sessions.createSession();
        session.setLastAccessedTime(SIGNED_IN);
        this.sessions.save(session);
        return session.getId();
    }

    /** One request of the session, as Spring Session's filter makes it. */
    private void request(String id, Instant at) {
        LastAccessWrites.Tracked<MapSession> session = this.sessions.findById(id);
        session.setLastAccessedTime(at);
        this.sessions.save(session);
    }

    /** The database: a copy of each session as last saved, and the last access of every write. */
    private static final class Stored implements FindByIndexNameSessionRepository<MapSession> {

        final Map<String, MapSession> sessions = new HashMap<>();

        final List<Instant> writes = new ArrayList<>();

        @Override
        public MapSession createSession() {
            return new MapSession();
        }

        @Override
        public void save(MapSession session) {
            this.writes.add(session.getLastAccessedTime());
            this.sessions.remove(session.getOriginalId());
            this.sessions.put(session.getId(), new MapSession(session));
        }

        @Override
        public MapSession findById(String id) {
            MapSession session = this.sessions.get(id);
            return (session != null) ? new MapSession(session) : null;
        }

        @Override
        public void deleteById(String id) {
            this.sessions.remove(id);
        }

        @Override
        public Map<String, MapSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            return Map.of();
        }

    }

}
