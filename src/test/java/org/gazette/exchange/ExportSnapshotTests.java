package org.gazette.exchange;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An export is the site as it was when the export began, however long it takes: what
 * editors publish and commenters post meanwhile is in the next export, never half in
 * this one (on H2 and on PostgreSQL, where a plain read-only transaction would see each
 * page of rows as of its own query).
 */
@SpringBootTest
class ExportSnapshotTests {

    @Autowired
    SiteExport export;

    @Autowired
    Imports imports;

    @TempDir
    Path directory;

    @Test
    void whatIsWrittenWhileTheExportRunsIsNotInIt() throws Exception {
        Path story = Files.writeString(this.directory.resolve("meanwhile.xml"), ImportsTests.wxr("meanwhile.example",
                ImportsTests.item(1, "published-meanwhile", ImportsTests.comment(1, 0) + ImportsTests.comment(2, 1))),
                StandardCharsets.UTF_8);
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        // Another editor imports an article with its comments once the export has begun.
        FilterOutputStream meanwhile = new FilterOutputStream(written) {

            boolean begun;

            @Override
            public void write(int b) throws IOException {
                begin();
                this.out.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                begin();
                this.out.write(bytes, offset, length);
            }

            private void begin() {
                if (!this.begun) {
                    this.begun = true;
                    CompletableFuture.runAsync(() -> ExportSnapshotTests.this.imports.run(story,
                            ImportOptions.defaults(), ImportProgress.NONE)).join();
                }
            }

        };

        this.export.export(ExportFormat.WXR, Optional.empty(), meanwhile, ExportProgress.NONE);

        assertThat(written.toString(StandardCharsets.UTF_8)).contains("<wp:post_name>")
            .doesNotContain("published-meanwhile");
        ByteArrayOutputStream next = new ByteArrayOutputStream();
        this.export.export(ExportFormat.WXR, Optional.empty(), next, ExportProgress.NONE);
        assertThat(next.toString(StandardCharsets.UTF_8)).contains("published-meanwhile");
    }

}
