package org.gazette;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Hears the changes other nodes publish ({@link SharedChanges}) on PostgreSQL: a thread
 * holds a connection of its own, made from the application's {@code spring.datasource.*}
 * settings but outside its pool (so it never takes one of the pool's connections for
 * good), runs {@code LISTEN} on it and publishes each notification as a local
 * {@link Change}. Each time it connects (first, and again after the connection failed,
 * with a growing pause between attempts) it publishes {@link Change#everything()}, since
 * whatever was sent while it was not listening is lost. It starts before the web server
 * and stops after it. Does nothing on H2.
 */
@Component
class ChangeListener implements SmartLifecycle {

    /** The {@code application_name} of the listening connection, as {@code pg_stat_activity} shows it. */
    static final String APPLICATION_NAME = "gazette-change-listener";

    /** How long one wait for notifications lasts; between waits the connection is checked. */
    private static final int WAIT_MILLIS = 1_000;

    /** How often an idle connection is checked with a query, so a dead one is noticed. */
    private static final Duration CHECK_EVERY = Duration.ofSeconds(10);

    private static final Duration FIRST_RETRY = Duration.ofMillis(100);

    private static final Duration LONGEST_RETRY = Duration.ofSeconds(5);

    private static final Logger logger = LoggerFactory.getLogger(ChangeListener.class);

    private final SharedChanges changes;

    private final DataSourceProperties database;

    private volatile boolean running;

    private volatile Connection connection;

    private Thread thread;

    ChangeListener(SharedChanges changes, DataSourceProperties database) {
        this.changes = changes;
        this.database = database;
    }

    /**
     * Starts listening: connects at once, so the node hears every change committed once
     * it serves, and leaves the waiting (and any reconnecting) to a thread of its own.
     */
    @Override
    public synchronized void start() {
        if (this.running) {
            return;
        }
        this.running = true;
        if (!this.changes.isShared()) {
            return;
        }
        Connection first = null;
        try {
            first = listeningConnection();
            logger.info("Listening for other nodes' changes on PostgreSQL channel '{}'", SharedChanges.CHANNEL);
            // a context started again (after a pause) may keep what changed meanwhile
            this.changes.everythingMayHaveChanged();
        }
        catch (SQLException ex) {
            logger.warn("Could not listen for other nodes' changes yet; trying again", ex);
        }
        Connection connected = first;
        this.thread = new Thread(() -> listen(connected), "gazette-change-listener");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    @Override
    public synchronized void stop() {
        this.running = false;
        Thread listening = this.thread;
        this.thread = null;
        if (listening == null) {
            return;
        }
        Connection open = this.connection;
        if (open != null) {
            try {
                // ends a wait in progress at once
                open.abort(Runnable::run);
            }
            catch (SQLException ex) {
                logger.debug("Could not abort the listening connection", ex);
            }
        }
        listening.interrupt();
        try {
            listening.join(5_000);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return this.running;
    }

    @Override
    public int getPhase() {
        return WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE - 512;
    }

    /** Waits for notifications on the given connection (if any), then on new ones whenever it fails. */
    private void listen(Connection first) {
        Connection next = first;
        Duration retry = FIRST_RETRY;
        boolean failing = (first == null);
        if (first == null && !pause(retry)) {
            return;
        }
        while (this.running) {
            boolean reconnected = (next == null);
            try (Connection listening = reconnected ? listeningConnection() : next) {
                next = null;
                this.connection = listening;
                if (!this.running) {
                    return;
                }
                if (reconnected) {
                    logger.info("Listening for other nodes' changes again; what this node keeps is read afresh");
                    // whatever was sent while this node was not listening is lost
                    this.changes.everythingMayHaveChanged();
                }
                failing = false;
                retry = FIRST_RETRY;
                receive(listening);
            }
            catch (SQLException | RuntimeException ex) {
                if (!this.running) {
                    return;
                }
                if (!failing) {
                    logger.warn("Lost the connection that hears other nodes' changes; connecting again", ex);
                }
                failing = true;
            }
            finally {
                this.connection = null;
            }
            if (!pause(retry)) {
                return;
            }
            retry = (retry.compareTo(LONGEST_RETRY.dividedBy(2)) < 0) ? retry.multipliedBy(2) : LONGEST_RETRY;
        }
    }

    /** Publishes each notification until the connection fails or the listener stops. */
    private void receive(Connection listening) throws SQLException {
        PGConnection postgres = listening.unwrap(PGConnection.class);
        long lastCheck = System.nanoTime();
        while (this.running) {
            PGNotification[] notifications = postgres.getNotifications(WAIT_MILLIS);
            if (notifications != null) {
                for (PGNotification notification : notifications) {
                    this.changes.received(notification.getParameter());
                }
            }
            if (System.nanoTime() - lastCheck > CHECK_EVERY.toNanos()) {
                try (Statement statement = listening.createStatement()) {
                    statement.execute("SELECT 1");
                }
                lastCheck = System.nanoTime();
            }
        }
    }

    /** A new connection of its own, listening on the channel. */
    private Connection listeningConnection() throws SQLException {
        Connection listening = connect();
        try (Statement statement = listening.createStatement()) {
            statement.execute("LISTEN " + SharedChanges.CHANNEL);
        }
        catch (SQLException ex) {
            listening.close();
            throw ex;
        }
        return listening;
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        String username = this.database.determineUsername();
        String password = this.database.determinePassword();
        if (username != null) {
            properties.setProperty("user", username);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        properties.setProperty("tcpKeepAlive", "true");
        // a check that gets no answer within this many seconds fails the connection
        properties.setProperty("socketTimeout", "30");
        return DriverManager.getConnection(this.database.determineUrl(), properties);
    }

    /** Waits before the next attempt; false when the listener stopped meanwhile. */
    private boolean pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
            return this.running;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

}
