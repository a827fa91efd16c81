package org.gazette;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * Makes a commit on the H2 file database reach the file before the request that made
 * it is answered. H2 otherwise writes committed changes in the background, up to half
 * a second later, so a comment acknowledged with 303 could be lost if the process were
 * killed. H2's own {@code WRITE_DELAY=0} does the same, but it also stops the
 * background thread that compacts the file, which then grows by tens of kilobytes per
 * commit without limit; this keeps the background thread and flushes with
 * {@code CHECKPOINT} after each committed read-write transaction instead (see
 * {@code docs/durability.md} for the figures).
 * <p>
 * Runs on the transaction's own connection, so it never waits for a second one from
 * the pool. Does nothing on an in-memory H2 database or on any other database.
 */
@Component
class DurableCommits implements TransactionExecutionListener {

    private static final Logger logger = LoggerFactory.getLogger(DurableCommits.class);

    private final JdbcTemplate jdbc;

    private final boolean enabled;

    private final AtomicBoolean failureLogged = new AtomicBoolean();

    DurableCommits(DataSource dataSource, DatabaseProperties properties) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.enabled = properties.flushCommits() && isH2File(dataSource);
        if (this.enabled) {
            logger.info("H2 file database: every commit is written to the file before the answer is sent");
        }
    }

    @Override
    public void afterCommit(TransactionExecution transaction, @Nullable Throwable commitFailure) {
        if (!this.enabled || commitFailure != null || !transaction.isNewTransaction() || transaction.isReadOnly()) {
            return;
        }
        try {
            this.jdbc.execute("CHECKPOINT");
        }
        catch (DataAccessException ex) {
            // The commit stands and H2's background writer will store it shortly: say so once.
            if (this.failureLogged.compareAndSet(false, true)) {
                logger.warn("Could not write a commit to the H2 file at once (the database user needs admin "
                        + "rights for CHECKPOINT); a crash may lose the last half second of changes", ex);
            }
        }
    }

    private static boolean isH2File(DataSource dataSource) {
        try {
            return JdbcUtils.extractDatabaseMetaData(dataSource, DurableCommits::isH2File);
        }
        catch (MetaDataAccessException ex) {
            logger.warn("Could not tell which database is in use; commits are left to the database", ex);
            return false;
        }
    }

    private static boolean isH2File(DatabaseMetaData metaData) throws SQLException {
        String url = metaData.getURL();
        return "H2".equals(metaData.getDatabaseProductName()) && url != null && !url.startsWith("jdbc:h2:mem:");
    }

}
