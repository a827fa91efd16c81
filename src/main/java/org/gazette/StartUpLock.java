package org.gazette;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Serialises the start-up work that creates what a fresh database lacks (the first
 * editor account, the built-in articles, the stored keys), so that nodes started together
 * on one database do it once: the caller's transaction holds a row lock until it ends, and
 * a node that waited for it then finds the work done.
 */
@Component
public class StartUpLock {

    private final JdbcTemplate jdbc;

    public StartUpLock(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the lock for the rest of the current transaction, waiting for any other holder. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void hold() {
        this.jdbc.queryForList("select name from start_up_lock where name = 'start-up' for update", String.class);
    }

}
