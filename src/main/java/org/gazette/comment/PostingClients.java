package org.gazette.comment;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The client networks that post, one row each, locked by the post being checked: flood
 * control then reads a network's last comment only while no other post from that network
 * is between its check and its commit, on this node or any other. Two posts sent at the
 * same instant are checked one after the other, and the second sees the first.
 */
@Component
class PostingClients {

    private final JdbcTemplate jdbc;

    PostingClients(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks the network's row for the rest of the current transaction, waiting while
     * another post from it holds the row, and records this post's time.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void lock(String clientNetwork, Instant now) {
        Timestamp at = Timestamp.from(now);
        this.jdbc.update("insert into posting_client (client_network, last_post_at) values (?, ?) "
                + "on conflict do nothing", clientNetwork, at);
        // the update takes the row's lock, and waits while another transaction holds it
        this.jdbc.update("update posting_client set last_post_at = ? where client_network = ?", at, clientNetwork);
    }

    /** Forgets the networks that have not posted since then (privacy retention). */
    @Transactional(propagation = Propagation.MANDATORY)
    int forgetBefore(Instant cutoff) {
        return this.jdbc.update("delete from posting_client where last_post_at < ?", Timestamp.from(cutoff));
    }

}
