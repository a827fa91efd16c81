package org.gazette.exchange;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The {@code import_job} rows: what every node shows of the desk's imports. */
@Component
class ImportJobs {

    private static final String COLUMNS = """
            select id, file_name, file_bytes, format, state, phase, bytes_read, articles, comments, skipped, summary,
                   message, started_by, started_at, updated_at, finished_at
              from import_job""";

    private static final int MESSAGE_LENGTH = 2_000;

    private static final int SUMMARY_LENGTH = 4_000;

    private final JdbcTemplate jdbc;

    ImportJobs(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long start(String fileName, long fileBytes, String startedBy, Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        this.jdbc.update((connection) -> {
            var insert = connection.prepareStatement("""
                    insert into import_job (file_name, file_bytes, state, started_by, started_at, updated_at)
                    values (?, ?, 'RUNNING', ?, ?, ?)""", new String[] { "id" });
            insert.setString(1, fileName);
            insert.setLong(2, fileBytes);
            insert.setString(3, startedBy);
            insert.setTimestamp(4, Timestamp.from(now));
            insert.setTimestamp(5, Timestamp.from(now));
            return insert;
        }, key);
        return key.getKey().longValue();
    }

    /** The counts so far; also shows the job is alive. */
    void progress(long id, ImportCounts counts, Instant now) {
        this.jdbc.update("""
                update import_job set phase = ?, bytes_read = ?, articles = ?, comments = ?, skipped = ?,
                       updated_at = ?
                 where id = ? and state = 'RUNNING'""", counts.phase().name(), counts.bytesRead(), counts.articles(),
                counts.comments(), counts.skipped(), Timestamp.from(now), id);
    }

    /** Shows the job is alive before it has counts to tell. */
    void alive(long id, Instant now) {
        this.jdbc.update("update import_job set updated_at = ? where id = ? and state = 'RUNNING'", Timestamp.from(now),
                id);
    }

    void done(long id, ImportReport report, String summary, Instant now) {
        this.jdbc.update("""
                update import_job set state = 'DONE', format = ?, articles = ?, comments = ?, skipped = ?,
                       bytes_read = file_bytes, summary = ?, updated_at = ?, finished_at = ?
                 where id = ?""", report.format().name(), report.articlesCreated() + report.articlesPresent(),
                report.commentsCreatedTotal() + report.commentsPresentTotal(),
                report.skipped().values().stream().mapToLong(Long::longValue).sum(), cut(summary, SUMMARY_LENGTH),
                Timestamp.from(now), Timestamp.from(now), id);
    }

    void failed(long id, String message, Instant now) {
        this.jdbc.update("""
                update import_job set state = 'FAILED', message = ?, updated_at = ?, finished_at = ?
                 where id = ? and state = 'RUNNING'""", cut(message, MESSAGE_LENGTH), Timestamp.from(now),
                Timestamp.from(now), id);
    }

    /** The newest jobs first. */
    List<ImportJob> recent(int count) {
        return this.jdbc.query(COLUMNS + " order by started_at desc, id desc fetch first " + count + " rows only",
                ImportJobs::job);
    }

    Optional<ImportJob> find(long id) {
        return this.jdbc.query(COLUMNS + " where id = ?", ImportJobs::job, id).stream().findFirst();
    }

    private static ImportJob job(ResultSet row, int number) throws SQLException {
        return new ImportJob(row.getLong("id"), row.getString("file_name"), row.getLong("file_bytes"),
                row.getString("format"), ImportJob.State.valueOf(row.getString("state")), row.getString("phase"),
                row.getLong("bytes_read"), row.getLong("articles"), row.getLong("comments"), row.getLong("skipped"),
                row.getString("summary"), row.getString("message"), row.getString("started_by"),
                instant(row, "started_at"), instant(row, "updated_at"), instant(row, "finished_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return (value != null) ? value.toInstant() : null;
    }

    private static String cut(String text, int length) {
        return (text.length() > length) ? text.substring(0, length - 1) + "…" : text;
    }

}
