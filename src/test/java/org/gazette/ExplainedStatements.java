package org.gazette;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hibernate.cfg.AvailableSettings;
import org.hibernate.resource.jdbc.spi.StatementInspector;

import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SQL Hibernate prepares, recorded so that a test can have H2 explain (and run) a
 * statement exactly as the application sends it: which index it reads and how many
 * rows. Import {@link Configuration} into the test and inject this bean.
 */
public class ExplainedStatements implements StatementInspector {

    private static final Pattern SCAN_COUNT = Pattern.compile("scanCount: (\\d+)");

    private final List<String> sent = new CopyOnWriteArrayList<>();

    @Override
    public String inspect(String sql) {
        this.sent.add(sql);
        return sql;
    }

    /**
     * Runs the call, which must send exactly one statement, then has H2 explain and run
     * that statement with the given parameters.
     */
    public Plan explain(JdbcTemplate jdbc, Runnable call, Object... parameters) {
        this.sent.clear();
        call.run();
        assertThat(this.sent).hasSize(1);
        String sql = this.sent.get(0);
        assertThat(sql.chars().filter((c) -> c == '?').count()).as(sql).isEqualTo(parameters.length);
        String text = String.join("\n", jdbc.queryForList("explain analyze " + sql, String.class, parameters));
        List<Integer> counts = new ArrayList<>();
        Matcher matcher = SCAN_COUNT.matcher(text);
        while (matcher.find()) {
            counts.add(Integer.parseInt(matcher.group(1)));
        }
        assertThat(counts).as(text).isNotEmpty();
        return new Plan(text, counts);
    }

    /**
     * What H2 said about a statement.
     * @param text the plan
     * @param scanCounts the rows read by each table access, the outer one first
     */
    public record Plan(String text, List<Integer> scanCounts) {

        /** Rows the outer (or only) table access read. */
        public int scanned() {
            return this.scanCounts.get(0);
        }

    }

    /** Records the statements of the test's persistence unit. */
    @TestConfiguration
    public static class Configuration {

        @Bean
        ExplainedStatements explainedStatements() {
            return new ExplainedStatements();
        }

        @Bean
        HibernatePropertiesCustomizer recordStatements(ExplainedStatements statements) {
            return (Map<String, Object> properties) -> properties.put(AvailableSettings.STATEMENT_INSPECTOR,
                    statements);
        }

    }

}
