package org.gazette.moderation;

import org.gazette.TestDatabases;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The desk's queries give the same answers on PostgreSQL, the production database:
 * each combination of filters (one statement each), the {@code like ... escape} search,
 * the order and paging, and the grouped counts; Flyway's migrations, the queue's
 * indexes (V4) included, run there too.
 */
class QueueRepositoryPostgresTests extends QueueRepositoryTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestDatabases.postgresDatabase().forEach((name, value) -> registry.add(name, () -> value));
    }

}
