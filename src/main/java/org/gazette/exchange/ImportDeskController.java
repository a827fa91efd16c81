package org.gazette.exchange;

import java.io.IOException;
import java.nio.file.Path;
import java.security.Principal;
import java.time.Clock;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The desk's import page (administrators): an upload form, which spools the file and
 * starts a background import, and the recent imports with their progress, read from the
 * database so that any node shows them and a reload shows where they stand. Its script
 * polls {@code jobs/{id}} for a running job's progress.
 */
@Controller
@RequestMapping("/moderation/articles/import")
class ImportDeskController {

    /** The form field the file comes in. */
    static final String FILE_FIELD = "file";

    private static final int RECENT_JOBS = 20;

    /** Room for the form's other fields and the part headers around the file. */
    private static final long FORM_OVERHEAD = 64 * 1024;

    private final ImportJobs jobs;

    private final ImportJobRunner runner;

    private final ImportProperties properties;

    private final MessageSource messages;

    private final Clock clock;

    ImportDeskController(ImportJobs jobs, ImportJobRunner runner, ImportProperties properties, MessageSource messages,
            Clock clock) {
        this.jobs = jobs;
        this.runner = runner;
        this.properties = properties;
        this.messages = messages;
        this.clock = clock;
    }

    @ModelAttribute("deskSection")
    String deskSection() {
        return "import";
    }

    @GetMapping
    ModelAndView page() {
        return page(null, HttpStatus.OK);
    }

    /** Spools the upload and starts its import; 303 back to the page, where it shows. */
    @PostMapping
    ModelAndView upload(HttpServletRequest request, Principal editor) throws IOException {
        long cap = this.properties.maxUploadBytes().toBytes();
        if (request.getContentLengthLong() > cap + FORM_OVERHEAD) {
            return refused(UploadRefusedException.Reason.TOO_LARGE);
        }
        if (!this.runner.reserve()) {
            return page(message("import.busy"), HttpStatus.CONFLICT);
        }
        long id;
        try {
            UploadSpool.Spooled upload = UploadSpool.spool(request.getContentType(), request.getInputStream(),
                    FILE_FIELD, cap, Path.of(System.getProperty("java.io.tmpdir")));
            id = this.runner.start(upload, editor.getName());
        }
        catch (UploadRefusedException ex) {
            this.runner.release();
            return refused(ex.reason());
        }
        catch (IOException | RuntimeException ex) {
            this.runner.release();
            throw ex;
        }
        RedirectView back = new RedirectView("/moderation/articles/import#job-" + id, true);
        back.setStatusCode(HttpStatus.SEE_OTHER);
        back.setExposeModelAttributes(false);
        return new ModelAndView(back);
    }

    /** A job's progress for the page's script. */
    @GetMapping(path = "/jobs/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ImportJobView> job(@PathVariable long id) {
        return this.jobs.find(id)
            .map((job) -> ResponseEntity.ok(ImportJobView.of(job, this.clock.instant(), this.messages)))
            .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private ModelAndView refused(UploadRefusedException.Reason reason) {
        return switch (reason) {
            case TOO_LARGE -> page(message("import.refused.tooLarge", sizeText()),
                    HttpStatus.CONTENT_TOO_LARGE);
            case NO_FILE -> page(message("import.refused.noFile"), HttpStatus.UNPROCESSABLE_CONTENT);
            case NOT_A_FORM -> page(message("import.refused.notAForm"), HttpStatus.BAD_REQUEST);
        };
    }

    private ModelAndView page(String error, HttpStatus status) {
        ModelAndView page = new ModelAndView("moderation/import");
        List<ImportJobView> recent = this.jobs.recent(RECENT_JOBS)
            .stream()
            .map((job) -> ImportJobView.of(job, this.clock.instant(), this.messages))
            .toList();
        page.addObject("jobs", recent);
        page.addObject("error", error);
        page.addObject("maxUpload", sizeText());
        page.setStatus(status);
        return page;
    }

    /** The cap as people write it: {@code 512 MB}, {@code 64 KB}. */
    private String sizeText() {
        long bytes = this.properties.maxUploadBytes().toBytes();
        if (bytes >= 1024 * 1024) {
            return (bytes / (1024 * 1024)) + " MB";
        }
        return (bytes >= 1024) ? (bytes / 1024) + " KB" : bytes + " bytes";
    }

    private String message(String key, Object... arguments) {
        return this.messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }

}
