package org.gazette.comment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Clears the client addresses of comments older than
 * {@code gazette.privacy.client-address-retention-days}, and the networks that have not
 * posted since then: once an hour, and at start-up.
 */
@Component
class ClientAddressRetention {

    private static final Logger logger = LoggerFactory.getLogger(ClientAddressRetention.class);

    private final CommentRepository comments;

    private final PrivacyProperties properties;

    private final PostingClients postingClients;

    private final Clock clock;

    ClientAddressRetention(CommentRepository comments, PrivacyProperties properties, PostingClients postingClients,
            Clock clock) {
        this.comments = comments;
        this.properties = properties;
        this.postingClients = postingClients;
        this.clock = clock;
    }

    /** Clears what is past retention; returns how many comments were changed. */
    @Scheduled(initialDelay = 60_000, fixedDelay = 3_600_000)
    @Transactional
    public int clearExpired() {
        int days = this.properties.clientAddressRetentionDays();
        if (days <= 0) {
            return 0;
        }
        Instant cutoff = this.clock.instant().minus(Duration.ofDays(days));
        this.postingClients.forgetBefore(cutoff);
        int cleared = this.comments.clearClientAddressesBefore(cutoff);
        if (cleared > 0) {
            logger.info("Cleared the client address of {} comments older than {} days", cleared, days);
        }
        return cleared;
    }

}
