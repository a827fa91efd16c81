package org.gazette.exchange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs the desk's imports in the background, one at a time on each node: the import
 * runs on a thread of its own while another writes its latest counts to the job's row
 * once a second (so every node's page can show them, and a row that stops moving tells
 * of a node that died). When the node stops during an import, the job is marked failed
 * with a note that importing the file again finishes it (imports are keyed by the
 * source's ids). The uploaded file is deleted when the job ends.
 */
@Component
class ImportJobRunner implements DisposableBean {

    private static final Logger logger = LoggerFactory.getLogger(ImportJobRunner.class);

    private final Imports imports;

    private final ImportJobs jobs;

    private final Clock clock;

    private final AtomicReference<Running> running = new AtomicReference<>();

    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor((task) -> {
        Thread thread = new Thread(task, "gazette-import-progress");
        thread.setDaemon(true);
        return thread;
    });

    ImportJobRunner(Imports imports, ImportJobs jobs, Clock clock) {
        this.imports = imports;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** Holds this node's one import slot, or says it is taken; the caller starts or releases it. */
    boolean reserve() {
        return this.running.compareAndSet(null, new Running());
    }

    void release() {
        this.running.set(null);
    }

    /** Starts the reserved slot's import of the spooled file; returns the job's id. */
    long start(UploadSpool.Spooled upload, String editor) {
        Running slot = this.running.get();
        long id = this.jobs.start(upload.fileName(), upload.size(), editor, this.clock.instant());
        slot.job = id;
        Thread worker = new Thread(() -> run(slot, id, upload), "gazette-import-" + id);
        slot.worker = worker;
        slot.tick = this.heartbeat.scheduleWithFixedDelay(() -> beat(slot, id), 1, 1, TimeUnit.SECONDS);
        worker.start();
        return id;
    }

    private void run(Running slot, long id, UploadSpool.Spooled upload) {
        Path named = null;
        try {
            named = Files.createTempDirectory("gazette-import-").resolve(upload.fileName());
            Files.move(upload.path(), named);
            ImportReport report = this.imports.run(named, ImportOptions.defaults(), slot.latest::set);
            slot.tick.cancel(false);
            this.jobs.done(id, report, String.join("\n", ImportSummaryText.lines(report)), this.clock.instant());
        }
        catch (ImportRefusedException | ImportFailedException ex) {
            slot.tick.cancel(false);
            this.jobs.failed(id, ex.getMessage(), this.clock.instant());
        }
        catch (IOException | RuntimeException ex) {
            logger.error("Import job {} of {} failed", id, upload.fileName(), ex);
            slot.tick.cancel(false);
            this.jobs.failed(id, "The import stopped: " + Commands.Failures.message(ex)
                    + ". Importing the same file again finishes it.", this.clock.instant());
        }
        finally {
            delete(upload.path());
            if (named != null) {
                delete(named);
                delete(named.getParent());
            }
            this.running.compareAndSet(slot, null);
        }
    }

    private void beat(Running slot, long id) {
        try {
            ImportCounts counts = slot.latest.get();
            if (counts != null) {
                this.jobs.progress(id, counts, this.clock.instant());
            }
            else {
                this.jobs.alive(id, this.clock.instant());
            }
        }
        catch (RuntimeException ex) {
            logger.warn("Could not record the progress of import job {}", id, ex);
        }
    }

    /** The node stops: a job still running is marked as stopped, for the page and the editor. */
    @Override
    public void destroy() {
        this.heartbeat.shutdownNow();
        Running slot = this.running.get();
        if (slot != null && slot.job != null && slot.worker != null && slot.worker.isAlive()) {
            this.jobs.failed(slot.job, "The node running this import stopped before it ended. "
                    + "Importing the same file again finishes it: what is there already is kept.", this.clock.instant());
            slot.worker.interrupt();
        }
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        }
        catch (IOException ex) {
            logger.warn("Could not delete {}", path, ex);
        }
    }

    /** This node's import slot. */
    private static final class Running {

        final AtomicReference<ImportCounts> latest = new AtomicReference<>();

        volatile Long job;

        volatile Thread worker;

        volatile java.util.concurrent.ScheduledFuture<?> tick;

    }

}
