package org.gazette.editor;

import java.io.IOException;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migration that makes usernames canonical, on a database that already has
 * accounts: each username is stored lower-cased and without surrounding spaces, and of
 * two that then collide, the older account keeps the name and the newer one gets its id
 * appended. Runs on H2 and on PostgreSQL.
 */
class UsernameMigrationTests {

    private static final String BEFORE = "6";

    @Test
    void storesExistingUsernamesCanonicallyOnH2() {
        DataSource h2 = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        migratesExistingUsernames(h2, "classpath:db/migration", "classpath:db/vendor/h2");
    }

    @Test
    void storesExistingUsernamesCanonicallyOnPostgres() throws IOException {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            migratesExistingUsernames(postgres.getPostgresDatabase(), "classpath:db/migration",
                    "classpath:db/vendor/postgresql");
        }
    }

    private void migratesExistingUsernames(DataSource database, String... locations) {
        Flyway.configure().dataSource(database).locations(locations).target(BEFORE).load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(database);
        long alice = insert(jdbc, " Alice ");
        long upper = insert(jdbc, "BOB");
        long lower = insert(jdbc, "bob");
        long plain = insert(jdbc, "carol");

        Flyway.configure().dataSource(database).locations(locations).load().migrate();

        assertThat(username(jdbc, alice)).isEqualTo("alice");
        assertThat(username(jdbc, upper)).isEqualTo("bob");
        assertThat(username(jdbc, lower)).isEqualTo("bob-" + lower);
        assertThat(username(jdbc, plain)).isEqualTo("carol");
        assertThat(jdbc.queryForList("select username from editor_account order by id", String.class))
            .allMatch((name) -> name.equals(name.strip().toLowerCase(Locale.ROOT)));
        assertThat(jdbc.queryForList("select username from editor_account", String.class)).doesNotHaveDuplicates();
    }

    private static long insert(JdbcTemplate jdbc, String username) {
        jdbc.update("insert into editor_account (username, display_name, password_hash, role, enabled, created_at, "
                + "version) values (?, 'Someone', '{noop}x', 'EDITOR', true, current_timestamp, 0)", username);
        return jdbc.queryForObject("select max(id) from editor_account", Long.class);
    }

    private static String username(JdbcTemplate jdbc, long id) {
        return jdbc.queryForObject("select username from editor_account where id = ?", String.class, id);
    }

}
