package org.gazette;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

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
 * Commits are flushed in groups: H2 writes everything committed so far with each
 * {@code CHECKPOINT}, and runs one at a time, so a request whose commit was already
 * written by another request's {@code CHECKPOINT} (one that started after this commit)
 * answers at once instead of queueing to write the same data again. Under concurrent
 * posting this turns one file write per commit into one per group of commits.
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

    /** Commits finished so far, numbered in the order they finished. */
    private final AtomicLong commits = new AtomicLong();

    /** Every commit numbered up to this one is in the file. */
    private volatile long flushed;

    /** One {@code CHECKPOINT} at a time, as H2 runs them anyway. */
    private final ReentrantLock flushing = new ReentrantLock();

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
        flushUpTo(this.commits.incrementAndGet());
    }

    /**
     * Makes sure the commit with this number is in the file: returns at once if a
     * {@code CHECKPOINT} that started after it has finished, otherwise runs one that also
     * covers every commit finished before it starts.
     */
    private void flushUpTo(long commit) {
        if (this.flushed >= commit) {
            return;
        }
        this.flushing.lock();
        try {
            if (this.flushed >= commit) {
                return;
            }
            long covered = this.commits.get();
            this.jdbc.execute("CHECKPOINT");
            this.flushed = covered;
        }
        catch (DataAccessException ex) {
            // The commit stands and H2's background writer will store it shortly: say so once.
            if (this.failureLogged.compareAndSet(false, true)) {
                logger.warn("Could not write a commit to the H2 file at once (the database user needs admin "
                        + "rights for CHECKPOINT); a crash may lose the last half second of changes", ex);
            }
        }
        finally {
            this.flushing.unlock();
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
