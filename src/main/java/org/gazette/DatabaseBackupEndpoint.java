package org.gazette;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A consistent copy of the embedded H2 file database taken while Gazette runs
 * ({@code POST /actuator/backup} on the management port): H2's {@code BACKUP TO}, a zip
 * that {@code org.h2.tools.Restore} turns back into a database (docs/deployment.md).
 * Only with an H2 file database: PostgreSQL has {@code pg_dump}.
 */
@Component
@Endpoint(id = "backup")
@ConditionalOnExpression("'${spring.datasource.url:}'.startsWith('jdbc:h2:file:')")
class DatabaseBackupEndpoint {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
        .withZone(ZoneOffset.UTC);

    private final JdbcTemplate jdbc;

    private final Path directory;

    private final Clock clock;

    DatabaseBackupEndpoint(JdbcTemplate jdbc, BackupProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.directory = properties.directory();
        this.clock = clock;
    }

    /** Writes the backup and answers where it is. */
    @WriteOperation
    public Map<String, String> backup() throws IOException {
        Files.createDirectories(this.directory);
        Path file = this.directory.resolve("gazette-" + STAMP.format(this.clock.instant()) + ".zip").toAbsolutePath();
        this.jdbc.update("BACKUP TO ?", file.toString());
        return Map.of("file", file.toString());
    }

}
