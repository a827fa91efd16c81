package org.gazette.comment;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.persistence.EntityManager;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.gazette.article.Article;
import org.gazette.article.ArticleNotFoundException;
import org.gazette.article.ArticleRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * Fills an article with a generated discussion for the benchmark ({@code bench/run.sh}):
 * {@code gazette.bench.approved} approved comments, threaded like real discussions
 * (about 30% replies, nested at most three deep, 100 to 600 characters each), then
 * {@code gazette.bench.pending} comments for the moderation queue. Every comment goes
 * through the form's own path: a {@link ReplyForm} checked by the application's
 * {@link Validator}, then {@link CommentService#submit}, with every rule it applies;
 * never raw SQL. Comments are stored a batch per transaction (one durable commit per
 * batch rather than per comment).
 * <p>
 * Active only in the {@code bench} profile. It starts once the application is ready,
 * in the background, and logs {@value #FINISHED} (or {@value #FAILED}) when done.
 */
@Component
@Profile("bench")
class BulkCommentImport {

    static final String FINISHED = "Bench fill finished";

    static final String FAILED = "Bench fill failed";

    /** The deepest level generated replies reach. */
    static final int MAX_DEPTH = 3;

    private static final Logger logger = LoggerFactory.getLogger(BulkCommentImport.class);

    private static final String CLIENT_ADDRESS = "192.0.2.1";

    private final BenchProperties properties;

    private final CommentService comments;

    private final CommentSettingsService settings;

    private final ArticleRepository articles;

    private final CommentRepository stored;

    private final Validator validator;

    private final TransactionTemplate transactions;

    private final EntityManager entityManager;

    BulkCommentImport(BenchProperties properties, CommentService comments, CommentSettingsService settings,
            ArticleRepository articles, CommentRepository stored, Validator validator,
            PlatformTransactionManager transactionManager, EntityManager entityManager) {
        this.properties = properties;
        this.comments = comments;
        this.settings = settings;
        this.articles = articles;
        this.stored = stored;
        this.validator = validator;
        this.transactions = new TransactionTemplate(transactionManager);
        this.entityManager = entityManager;
    }

    /** Starts the fill the properties ask for, if any, without holding up start-up. */
    @EventListener(ApplicationReadyEvent.class)
    void fillWhenReady() {
        if (this.properties.approved() == 0 && this.properties.pending() == 0) {
            return;
        }
        Thread worker = new Thread(this::fillFromProperties, "bench-fill");
        worker.setDaemon(true);
        worker.start();
    }

    private void fillFromProperties() {
        try {
            String slug = StringUtils.hasText(this.properties.article()) ? this.properties.article()
                    : newestArticle();
            long seed = (this.properties.seed() != null) ? this.properties.seed()
                    : ThreadLocalRandom.current().nextLong();
            fill(slug, this.properties.approved(), this.properties.pending(), seed);
        }
        catch (RuntimeException ex) {
            logger.error(FAILED, ex);
        }
    }

    private String newestArticle() {
        return this.articles.findAllByOrderByPublishedAtDescIdDesc()
            .stream()
            .findFirst()
            .map(Article::getSlug)
            .orElseThrow(() -> new IllegalStateException("There is no article to fill"));
    }

    /**
     * Adds the approved comments, then the pending ones (posted under moderation mode
     * {@code all}, which is put back as it was afterwards).
     */
    Filled fill(String slug, int approved, int pending, long seed) {
        Article article = this.articles.findBySlug(slug).orElseThrow(() -> new ArticleNotFoundException(slug));
        ThreadMXBean threadTimes = ManagementFactory.getThreadMXBean();
        long started = System.nanoTime();
        long cpuStarted = threadTimes.getCurrentThreadCpuTime();
        Discussion discussion = new Discussion(slug, new DiscussionGenerator(seed, this.properties.readers()));
        discussion.answerable(latestThreads(article));
        discussion.post(approved, CommentStatus.APPROVED);
        if (pending > 0) {
            CommentRules rules = this.settings.rules();
            updateMode(ModerationMode.ALL, rules);
            try {
                discussion.post(pending, CommentStatus.PENDING);
            }
            finally {
                updateMode(rules.mode(), rules);
            }
        }
        Filled filled = new Filled(slug, approved, pending, discussion.replies, discussion.deepest,
                Duration.ofNanos(System.nanoTime() - started),
                Duration.ofNanos(threadTimes.getCurrentThreadCpuTime() - cpuStarted));
        logger.info("{}: {} approved ({} replies, nested {} deep) and {} pending comments on '{}' in {} ms "
                + "({} ms of CPU), {} comments/s", FINISHED, approved, filled.replies(), filled.deepest(), pending,
                slug, filled.took().toMillis(), filled.cpu().toMillis(), Math.round(filled.perSecond()));
        return filled;
    }

    /** The article's newest approved threads, which generated replies may answer too. */
    private List<Long> latestThreads(Article article) {
        long threads = this.stored.countApprovedThreads(article.getId());
        int window = 500;
        int lastWindow = (int) Math.max(0, (threads - 1) / window);
        return this.stored.findApprovedThreads(article.getId(), PageRequest.of(lastWindow, window))
            .stream()
            .map(ThreadKey::id)
            .toList();
    }

    private void updateMode(ModerationMode mode, CommentRules rules) {
        this.settings.update(mode, rules.maxLinks(), rules.closeAfterDays(),
                String.join("\n", rules.disallowedWords()), String.join("\n", rules.moderationWords()));
    }

    /**
     * What was filled in.
     *
     * @param slug the article
     * @param approved approved comments added
     * @param pending comments added to the moderation queue
     * @param replies how many of them are replies
     * @param deepest the deepest nesting reached
     * @param took how long it took
     * @param cpu the processor time the filling thread used (the database's work included,
     * the collector's and the compiler's not): a cost that a busy machine does not inflate
     */
    record Filled(String slug, int approved, int pending, int replies, int deepest, Duration took, Duration cpu) {

        double perSecond() {
            return (this.approved + this.pending) / Math.max(0.001, this.took.toNanos() / 1e9);
        }

    }

    /** One growing discussion: its generator and the approved comments a reply may answer. */
    private final class Discussion {

        private final String slug;

        private final DiscussionGenerator generator;

        private final List<Parent> parents = new ArrayList<>();

        private int replies;

        private int deepest;

        Discussion(String slug, DiscussionGenerator generator) {
            this.slug = slug;
            this.generator = generator;
        }

        /** Approved top-level comments already there, which replies may answer. */
        void answerable(List<Long> threadIds) {
            threadIds.forEach((id) -> this.parents.add(new Parent(id, 1)));
        }

        void post(int count, CommentStatus expected) {
            int done = 0;
            int nextReport = 5_000;
            while (done < count) {
                int batch = Math.min(BulkCommentImport.this.properties.batchSize(), count - done);
                BulkCommentImport.this.transactions.executeWithoutResult((status) -> {
                    for (int i = 0; i < batch; i++) {
                        postOne(expected);
                        // Each comment is flushed by submit: forgetting it keeps Hibernate
                        // from checking the whole batch for changes before every query.
                        BulkCommentImport.this.entityManager.clear();
                    }
                });
                done += batch;
                if (done >= nextReport && done < count) {
                    logger.info("Bench fill: {} of {} {} comments", done, count, expected.key());
                    nextReport += 5_000;
                }
            }
        }

        private void postOne(CommentStatus expected) {
            ReplyForm form = this.generator.nextForm();
            Parent parent = (!this.parents.isEmpty() && this.generator.nextIsReply())
                    ? this.generator.pickRecent(this.parents) : null;
            if (parent != null) {
                form.setReplyTo(parent.id());
            }
            Set<ConstraintViolation<ReplyForm>> violations = BulkCommentImport.this.validator.validate(form);
            if (!violations.isEmpty()) {
                throw new IllegalStateException("A generated comment failed validation: " + violations);
            }
            PostedComment posted = BulkCommentImport.this.comments.submit(this.slug, form, CLIENT_ADDRESS);
            if (posted.verdict().status() != expected) {
                throw new IllegalStateException("A generated comment was stored as " + posted.verdict().status()
                        + " (" + posted.verdict().reason() + "), not " + expected);
            }
            int depth = (parent != null) ? parent.depth() + 1 : 1;
            if (parent != null) {
                this.replies++;
            }
            this.deepest = Math.max(this.deepest, depth);
            if (expected == CommentStatus.APPROVED && depth < MAX_DEPTH) {
                this.parents.add(new Parent(posted.id(), depth));
            }
        }

    }

    /** An approved comment that may take a reply. */
    private record Parent(long id, int depth) {

    }

}
