package org.gazette;

import java.sql.DatabaseMetaData;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one way a change reaches what every node keeps in memory. The code that writes
 * publishes what it changed, inside its transaction; at commit this moves the stored
 * page version of each article whose public pages changed (in that same transaction)
 * and, on PostgreSQL, sends the change to the other nodes with {@code pg_notify}, which
 * the database delivers only if the transaction commits ({@link ChangeListener} hears
 * it there). Once committed, the change is published here as a local {@link Change}
 * event, so the node that made it sees it within the same request. A rolled-back write
 * tells nobody anything. On H2 (one node per database file) the change stays local.
 */
@Component
public class SharedChanges {

    /** The PostgreSQL channel the nodes send their changes on. */
    static final String CHANNEL = "gazette_changes";

    private static final Logger logger = LoggerFactory.getLogger(SharedChanges.class);

    /** Tells this node's own notifications from the others'. */
    private final String node = Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);

    private final JdbcTemplate jdbc;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    private final boolean postgresql;

    SharedChanges(DataSource dataSource, JdbcTemplate jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.postgresql = isPostgresql(dataSource);
        if (!this.postgresql) {
            logger.info("Changes are seen by this node only: several nodes need PostgreSQL, where they tell "
                    + "each other with LISTEN/NOTIFY (docs/deployment.md)");
        }
    }

    /**
     * Publishes a change: at the commit of the current transaction (and with it), or at
     * once when there is none.
     */
    public void publish(Change change) {
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && TransactionSynchronizationManager.isSynchronizationActive()) {
            Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
            if (pending == null) {
                pending = new Pending();
                TransactionSynchronizationManager.bindResource(this, pending);
                TransactionSynchronizationManager.registerSynchronization(pending);
            }
            pending.add(change);
            return;
        }
        store(List.of(change));
        this.events.publishEvent(change);
    }

    /** Whether changes travel to other nodes. */
    boolean isShared() {
        return this.postgresql;
    }

    /** A notification from the channel: another node's change, published here; this node's own are already. */
    void received(String payload) {
        int space = payload.indexOf(' ');
        if (space > 0 && payload.substring(0, space).equals(this.node)) {
            return;
        }
        this.events.publishEvent(Change.decode((space > 0) ? payload.substring(space + 1) : payload));
    }

    /** Everything this node keeps may be out of date (it was not listening): drops it all. */
    void everythingMayHaveChanged() {
        this.events.publishEvent(Change.everything());
    }

    /**
     * Moves the page version of each article concerned, in the order of their ids (so two
     * transactions never wait for each other's rows), and tells the other nodes.
     */
    private void store(Collection<Change> changes) {
        List<Long> articles = changes.stream()
            .filter(Change::movesPageVersion)
            .map(Change::articleId)
            .distinct()
            .sorted(Comparator.naturalOrder())
            .toList();
        Timestamp now = Timestamp.from(this.clock.instant());
        for (Long id : articles) {
            this.jdbc.update("update article set page_version = nextval('page_version_seq'), page_changed_at = ? "
                    + "where id = ?", now, id);
        }
        if (this.postgresql) {
            for (Change change : changes) {
                this.jdbc.queryForList("select pg_notify(?, ?)", CHANNEL, this.node + " " + change.encode());
            }
        }
    }

    private static boolean isPostgresql(DataSource dataSource) {
        try {
            return "PostgreSQL".equals(
                    JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
        }
        catch (MetaDataAccessException ex) {
            throw new IllegalStateException("Could not tell which database is in use", ex);
        }
    }

    /** The changes of one transaction, merged, stored just before it commits and published after. */
    private final class Pending implements TransactionSynchronization {

        private final List<Change> changes = new ArrayList<>();

        void add(Change change) {
            for (int i = 0; i < this.changes.size(); i++) {
                Change merged = this.changes.get(i).mergedWith(change);
                if (merged != null) {
                    this.changes.set(i, merged);
                    return;
                }
            }
            this.changes.add(change);
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            store(this.changes);
        }

        @Override
        public void afterCommit() {
            this.changes.forEach(SharedChanges.this.events::publishEvent);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(SharedChanges.this);
        }

    }

}
