package org.gazette.web;

import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * Counts the read-write transactions committed, as {@code DurableCommits} sees them:
 * each one costs a write to the H2 file on the shipped database.
 */
final class WriteTransactions implements TransactionExecutionListener {

    private final AtomicInteger committed = new AtomicInteger();

    @Override
    public void afterCommit(TransactionExecution transaction, @Nullable Throwable commitFailure) {
        if (commitFailure == null && transaction.isNewTransaction() && !transaction.isReadOnly()) {
            this.committed.incrementAndGet();
        }
    }

    void clear() {
        this.committed.set(0);
    }

    int committed() {
        return this.committed.get();
    }

}
