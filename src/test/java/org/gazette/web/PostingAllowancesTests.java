package org.gazette.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.gazette.comment.CommentProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The posting rate limit's buckets, on the database that keeps them (3 posts at once,
 * refilled over 10 minutes): a client gets its burst, then a post back every 200
 * seconds; every node's allowances are the same rows, and posts sent at once take no
 * more than the allowance; a bucket full again is deleted, which changes nothing for
 * its client, and a crowd of one-off clients leaves no rows once their buckets refill.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class PostingAllowancesTests {

    private static final CommentProperties PROPERTIES = new CommentProperties(Duration.ofSeconds(15),
            new CommentProperties.RateLimit(true, 3, Duration.ofMinutes(10)), 2, 5, 50, 0, null);

    private final MutableClock clock = new MutableClock();

    @Autowired
    private JdbcTemplate jdbc;

    private PostingAllowances allowances;

    @BeforeEach
    void noBuckets() {
        this.jdbc.update("delete from posting_allowance");
        this.allowances = newNode();
    }

    @Test
    void aClientGetsItsBurstThenAPostBackEveryPeriodOverCapacity() {
        for (int i = 0; i < 3; i++) {
            assertThat(this.allowances.take("198.51.100.1")).as("post %d", i).isEmpty();
        }
        assertThat(this.allowances.take("198.51.100.1")).hasValueSatisfying(
                (wait) -> assertThat(wait).isBetween(Duration.ofSeconds(195), Duration.ofSeconds(200)));
        assertThat(this.allowances.take("198.51.100.2")).isEmpty();

        this.clock.advance(Duration.ofSeconds(200));
        assertThat(this.allowances.take("198.51.100.1")).isEmpty();
        assertThat(this.allowances.take("198.51.100.1")).isPresent();
    }

    @Test
    void everyNodeDrawsOnTheSameAllowance() {
        PostingAllowances otherNode = newNode();
        assertThat(this.allowances.take("198.51.100.3")).isEmpty();
        assertThat(otherNode.take("198.51.100.3")).isEmpty();
        assertThat(this.allowances.take("198.51.100.3")).isEmpty();

        assertThat(otherNode.take("198.51.100.3")).isPresent();
        assertThat(this.allowances.take("198.51.100.3")).isPresent();
    }

    @Test
    void postsSentAtOnceTakeNoMoreThanTheAllowance() throws Exception {
        PostingAllowances otherNode = newNode();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            for (String client : List.of("198.51.100.4", "2001:db8:4::/64")) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Optional<Duration>>> answers = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    PostingAllowances node = (i % 2 == 0) ? this.allowances : otherNode;
                    answers.add(threads.submit(() -> {
                        start.await();
                        return node.take(client);
                    }));
                }
                start.countDown();

                int allowed = 0;
                for (Future<Optional<Duration>> answer : answers) {
                    allowed += answer.get(1, TimeUnit.MINUTES).isEmpty() ? 1 : 0;
                }
                assertThat(allowed).as(client).isEqualTo(3);
            }
        }
        finally {
            threads.shutdownNow();
        }
    }

    @Test
    void removesBucketsOnceTheyAreFullAgainAndOnlyThose() {
        int strangers = 2 * PostingAllowances.BATCH + 500;
        for (int i = 0; i < strangers; i++) {
            this.allowances.take("2001:db8:" + Integer.toHexString(i) + "::/64");
        }
        for (int i = 0; i < 3; i++) {
            this.allowances.take("198.51.100.5");
        }
        assertThat(rows()).isEqualTo(strangers + 1);

        this.clock.advance(Duration.ofSeconds(201));
        assertThat(this.allowances.removeFull()).isEqualTo(strangers);
        assertThat(rows()).isOne();
        assertThat(this.allowances.take("198.51.100.5")).isEmpty();
        assertThat(this.allowances.take("198.51.100.5")).isPresent();

        this.clock.advance(Duration.ofMinutes(10));
        assertThat(this.allowances.removeFull()).isOne();
        for (int i = 0; i < 3; i++) {
            assertThat(this.allowances.take("198.51.100.5")).as("post %d", i).isEmpty();
        }
    }

    private PostingAllowances newNode() {
        return new PostingAllowances(this.jdbc, this.clock, PROPERTIES);
    }

    private int rows() {
        Integer rows = this.jdbc.queryForObject("select count(*) from posting_allowance", Integer.class);
        return (rows != null) ? rows : 0;
    }

}
