package org.gazette;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * On PostgreSQL a commit is on disk before it returns, as PostgreSQL's defaults have it:
 * nothing in Gazette's connections turns {@code synchronous_commit} off, so a comment
 * answered with 303 survives a crash of the database server. (On H2 the same guarantee
 * comes from {@code DurableCommits}, tested with a real process.)
 */
@SpringBootTest
class PostgresDurabilityTests {

    @Autowired
    private DataSource dataSource;

    @Test
    void commitsWaitForTheDiskOnPostgresql() throws Exception {
        assumeTrue(TestDatabases.postgresql(), "runs in the PostgreSQL test run");
        try (Connection connection = this.dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet setting = statement.executeQuery("show synchronous_commit")) {
            setting.next();
            assertThat(setting.getString(1)).isEqualTo("on");
        }
    }

}
