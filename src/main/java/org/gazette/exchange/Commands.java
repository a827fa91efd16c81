package org.gazette.exchange;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.gazette.Command;
import org.gazette.exchange.Invocation.UsageException;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The command line: {@code import FILE...} and
 * {@code export --format=wxr|jsonl [--article=SLUG] FILE} run against the configured
 * database in an application without a web server (nothing listens) and without the
 * serving nodes' start-up work and scheduled jobs ({@link CommandMode}), then exit: 0 when
 * done, 1 when the work failed, 2 when the command line is wrong, with a one-line message
 * on standard error. Progress goes to standard error, the summary to standard output.
 * {@code main} finds it through {@code META-INF/services/org.gazette.Command}.
 */
public final class Commands implements Command {

    static final int DONE = 0;

    static final int FAILED = 1;

    static final int USAGE = 2;

    private static final Duration PLAIN_PROGRESS_EVERY = Duration.ofSeconds(5);

    @Override
    public boolean handles(String[] args) {
        return Invocation.isCommand(args);
    }

    @Override
    public int run(Class<?> application, String[] args) {
        return run(application, args, System.out, System.err, System.console() != null);
    }

    static int run(Class<?> application, String[] args, PrintStream out, PrintStream err, boolean terminal) {
        String name = args[0];
        Invocation invocation;
        try {
            invocation = Invocation.parse(args);
        }
        catch (UsageException ex) {
            err.println("gazette " + name + ": " + ex.getMessage());
            err.println(Invocation.USAGE);
            return USAGE;
        }
        if (invocation.help()) {
            out.println(Invocation.USAGE);
            return DONE;
        }
        try {
            checkFiles(invocation);
        }
        catch (CommandFailedException ex) {
            err.println("gazette " + name + ": " + ex.getMessage());
            return FAILED;
        }
        ConfigurableApplicationContext context;
        try {
            context = start(application, invocation);
        }
        catch (RuntimeException ex) {
            err.println("gazette " + name + ": the application could not start: " + Failures.message(ex));
            return FAILED;
        }
        try (context) {
            if (name.equals("export")) {
                export(context.getBean(SiteExport.class), invocation, out, err, terminal);
            }
            else {
                importFiles(context.getBean(Imports.class), invocation, out, err, terminal);
            }
            return DONE;
        }
        catch (CommandFailedException | ExportRefusedException | ImportRefusedException
                | ImportFailedException ex) {
            err.println("gazette " + name + ": " + ex.getMessage());
            return FAILED;
        }
        catch (RuntimeException ex) {
            err.println("gazette " + name + ": " + Failures.message(ex));
            return FAILED;
        }
    }

    private static void checkFiles(Invocation invocation) {
        if (invocation.command().equals("import")) {
            for (Path file : invocation.files()) {
                if (!Files.isRegularFile(file)) {
                    throw new CommandFailedException("no such file: " + file);
                }
                if (!Files.isReadable(file)) {
                    throw new CommandFailedException("cannot read " + file);
                }
            }
        }
        else {
            Path parent = invocation.files().get(0).toAbsolutePath().getParent();
            if (parent == null || !Files.isDirectory(parent)) {
                throw new CommandFailedException("no such directory: " + parent);
            }
            if (Files.isDirectory(invocation.files().get(0))) {
                throw new CommandFailedException(invocation.files().get(0) + " is a directory");
            }
        }
    }

    private static ConfigurableApplicationContext start(Class<?> application, Invocation invocation) {
        SpringApplication spring = new SpringApplication(application);
        spring.setWebApplicationType(WebApplicationType.NONE);
        spring.setBannerMode(Banner.Mode.OFF);
        spring.setLogStartupInfo(false);
        Map<String, Object> defaults = new HashMap<>();
        // the command prints what it did; the log says only what went wrong
        defaults.put("logging.level.root", "warn");
        // a failed start is told in one line by the command, not as a stack trace
        defaults.put("logging.level.org.springframework.boot.SpringApplication", "off");
        defaults.put("logging.level.org.springframework.boot.diagnostics", "off");
        defaults.put("logging.level.org.springframework.context.annotation.AnnotationConfigApplicationContext", "off");
        // Flyway's note that H2 is newer than the versions it was checked with
        defaults.put("logging.level.org.flywaydb.core.internal.database.base.Database", "error");
        spring.setDefaultProperties(defaults);
        // only what the command uses is made: the editors' security and sessions, which
        // need a web server, are never asked for
        spring.setLazyInitialization(true);
        spring.addInitializers((context) -> context.addBeanFactoryPostProcessor(new CommandMode()));
        return spring.run(invocation.properties().toArray(String[]::new));
    }

    /**
     * Imports the files in the order given, each with its progress and its summary; stops
     * at the first that is refused or fails (the files before it stay imported).
     */
    private static void importFiles(Imports imports, Invocation invocation, PrintStream out, PrintStream err,
            boolean terminal) {
        ImportOptions options = new ImportOptions(invocation.staff());
        for (Path file : invocation.files()) {
            ImportMeter meter = new ImportMeter(err, terminal, file.getFileName().toString());
            ImportReport report;
            try {
                report = imports.run(file, options, meter::advanced);
            }
            finally {
                meter.finish();
            }
            ImportSummaryText.lines(report).forEach(out::println);
            out.flush();
        }
    }

    /**
     * Writes the export to a file beside the target and moves it into place once whole, so
     * a failed export leaves no half file behind.
     */
    private static void export(SiteExport export, Invocation invocation, PrintStream out, PrintStream err,
            boolean terminal) {
        Path target = invocation.files().get(0).toAbsolutePath();
        ExportFormat format = invocation.format().orElseThrow();
        ProgressMeter meter = new ProgressMeter(err, terminal, PLAIN_PROGRESS_EVERY, System::nanoTime,
                "export " + target.getFileName());
        Path partial;
        try {
            partial = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
        }
        catch (IOException ex) {
            throw new CommandFailedException("cannot write in " + target.getParent() + ": " + ex.getMessage());
        }
        try {
            ExportSummary summary;
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
                summary = export.export(format, invocation.article(), file, (articles, comments) -> meter
                    .advanced(new ProgressMeter.Snapshot(articles, comments, 0, 0, -1)));
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            meter.finish();
            out.println("Exported " + ProgressMeter.count(summary.articles(), "article") + " and "
                    + ProgressMeter.count(summary.comments(), "comment") + " to " + target + " ("
                    + format.name().toLowerCase(java.util.Locale.ROOT) + ") in "
                    + ProgressMeter.seconds(summary.elapsed()) + ", "
                    + ProgressMeter.rate(summary.comments(), summary.elapsed().toNanos()) + " comments/s");
        }
        catch (IOException ex) {
            throw new CommandFailedException("cannot write " + target + ": " + ex.getMessage());
        }
        finally {
            try {
                Files.deleteIfExists(partial);
            }
            catch (IOException ex) {
                err.println("gazette export: could not remove " + partial);
            }
        }
    }

    /** One meter for each pass over a file: checking it, then writing it. */
    private static final class ImportMeter {

        private final PrintStream err;

        private final boolean terminal;

        private final String name;

        private ImportCounts.Phase phase;

        private ProgressMeter meter;

        ImportMeter(PrintStream err, boolean terminal, String name) {
            this.err = err;
            this.terminal = terminal;
            this.name = name;
        }

        void advanced(ImportCounts counts) {
            if (counts.phase() != this.phase) {
                finish();
                this.phase = counts.phase();
                this.meter = new ProgressMeter(this.err, this.terminal, PLAIN_PROGRESS_EVERY, System::nanoTime,
                        this.name + ((this.phase == ImportCounts.Phase.CHECKING) ? " checking" : " importing"));
            }
            this.meter.advanced(new ProgressMeter.Snapshot(counts.articles(), counts.comments(), counts.skipped(),
                    counts.bytesRead(), counts.totalBytes()));
        }

        void finish() {
            if (this.meter != null) {
                this.meter.finish();
                this.meter = null;
            }
        }

    }

    /** A command that could not do its work, with the reason to show. */
    static class CommandFailedException extends RuntimeException {

        CommandFailedException(String message) {
            super(message);
        }

    }

    /** The message of a failure worth showing on one line. */
    static final class Failures {

        private Failures() {
        }

        static String message(Throwable failure) {
            Throwable deepest = failure;
            while (deepest.getCause() != null && deepest.getCause() != deepest) {
                deepest = deepest.getCause();
            }
            String message = (deepest.getMessage() != null) ? deepest.getMessage() : deepest.getClass().getSimpleName();
            int newline = message.indexOf('\n');
            return (newline >= 0) ? message.substring(0, newline).strip() : message.strip();
        }

    }

}
