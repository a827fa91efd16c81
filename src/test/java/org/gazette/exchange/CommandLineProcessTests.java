package org.gazette.exchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.gazette.GazetteApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's real {@code main} in a JVM of its own, as {@code java -jar} runs it:
 * a command exits with its status and says what went wrong in one line, without a stack
 * trace, and leaves the output pipe without progress redrawing.
 */
class CommandLineProcessTests {

    @TempDir
    Path directory;

    @Test
    void exportExitsWithZeroAndASummary() throws Exception {
        SiteDatabase site = new SiteDatabase(this.directory);
        site.paragraph(site.article("one", "One", null, null, true, true, java.time.Instant.now()), 0, "Text.");
        Path file = this.directory.resolve("site.xml");

        Result result = main("export", "--format=wxr", site.urlArgument(), file.toString());

        assertThat(result.status).isZero();
        assertThat(result.out).contains("Exported 1 article and 0 comments to " + file);
        assertThat(result.err).doesNotContain("\r").doesNotContain("Exception");
        assertThat(file).isRegularFile();
    }

    @Test
    void anUnknownOptionExitsNonZeroWithAMessageAndNoStackTrace() throws Exception {
        Result result = main("export", "--format=wxr", "--frobnicate", this.directory.resolve("x.xml").toString());

        assertThat(result.status).isEqualTo(2);
        assertThat(result.err).startsWith("gazette export: unknown option --frobnicate\n")
            .doesNotContain("Exception")
            .doesNotContain("\tat ");
    }

    private Result main(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), GazetteApplication.class.getName()));
        command.addAll(List.of(args));
        Path out = this.directory.resolve("stdout");
        Path err = this.directory.resolve("stderr");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private record Result(int status, String out, String err) {

    }

}
