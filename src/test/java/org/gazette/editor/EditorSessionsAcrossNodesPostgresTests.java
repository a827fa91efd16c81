package org.gazette.editor;

import java.io.IOException;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * {@link EditorSessionsAcrossNodesTests} with both nodes on one PostgreSQL server, the
 * production database.
 */
class EditorSessionsAcrossNodesPostgresTests extends EditorSessionsAcrossNodesTests {

    private EmbeddedPostgres postgres;

    @Override
    Map<String, String> database() throws IOException {
        this.postgres = EmbeddedPostgres.builder().start();
        return Map.of("spring.datasource.url", this.postgres.getJdbcUrl("postgres", "postgres"),
                "spring.datasource.username", "postgres", "spring.datasource.password", "");
    }

    @Override
    void stopDatabase() throws IOException {
        if (this.postgres != null) {
            this.postgres.close();
        }
    }

}
