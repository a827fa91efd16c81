package org.gazette.comment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.gazette.ClientAddresses;
import org.gazette.SharedChanges;
import org.gazette.article.Article;
import org.gazette.article.ArticleNotFoundException;
import org.gazette.article.ArticleRepository;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posting a comment: checks the article and the reply's place, screens the comment
 * with the rules in force and stores it in the status they decide.
 */
@Service
public class CommentService {

    private final ArticleRepository articles;

    private final CommentRepository comments;

    private final CommentSettingsService settings;

    private final CommentThreads threads;

    private final HeldCommentTokens tokens;

    private final ObjectProvider<StaffDirectory> staff;

    private final PostingClients postingClients;

    private final SharedChanges changes;

    private final Clock clock;

    CommentService(ArticleRepository articles, CommentRepository comments, CommentSettingsService settings,
            CommentThreads threads, HeldCommentTokens tokens, ObjectProvider<StaffDirectory> staff,
            PostingClients postingClients, SharedChanges changes, Clock clock) {
        this.articles = articles;
        this.comments = comments;
        this.settings = settings;
        this.threads = threads;
        this.tokens = tokens;
        this.staff = staff;
        this.postingClients = postingClients;
        this.changes = changes;
        this.clock = clock;
    }

    /**
     * Posts a comment whose fields have passed validation.
     * @throws ArticleNotFoundException no such article, or a draft
     * @throws CommentsClosedException the article takes no comments
     * @throws InvalidReplyException the parent is not an approved comment of the
     * article, or the thread is too deep
     * @throws DuplicateCommentException the same name already said that
     * @throws CommentFloodException too soon after the same client's last comment
     */
    @Transactional
    public PostedComment submit(String slug, ReplyForm form, String clientAddress) {
        Article article = this.articles.findPublishedBySlug(slug)
            .orElseThrow(() -> new ArticleNotFoundException(slug));
        CommentRules rules = this.settings.rules();
        Instant now = this.clock.instant();
        if (!isOpen(article, rules, now)) {
            throw new CommentsClosedException(slug);
        }
        Comment parent = (form.getReplyTo() != null) ? replyParent(article, form.getReplyTo(), rules) : null;
        Author author = form.toAuthor();
        Submission submission = new Submission(author, form.getComment(), clientAddress, form.isHoneypotFilled());
        if (clientAddress != null && !rules.floodInterval().isZero() && !rules.floodInterval().isNegative()) {
            this.postingClients.lock(ClientAddresses.limitKey(clientAddress), now);
        }
        CommentScreening.Outcome outcome = new CommentScreening(rules).screen(submission,
                new StoredFacts(article, submission, now));
        if (outcome instanceof CommentScreening.Duplicate) {
            throw new DuplicateCommentException();
        }
        if (outcome instanceof CommentScreening.TooSoon tooSoon) {
            throw new CommentFloodException(tooSoon.retryAfter());
        }
        Verdict verdict = ((CommentScreening.Accepted) outcome).verdict();
        Comment comment = this.comments
            .saveAndFlush(new Comment(article, parent, author, form.getComment(), verdict, clientAddress, now));
        this.changes.publish(comment.change());
        int page = this.threads.pageOf(comment);
        String token = comment.isApproved() ? null : this.tokens.issue(comment.getId());
        return new PostedComment(comment.getId(), verdict, page, token);
    }

    /** Whether the article takes comments now, under the rules in force. */
    public boolean isOpen(Article article) {
        return isOpen(article, this.settings.rules(), this.clock.instant());
    }

    private static boolean isOpen(Article article, CommentRules rules, Instant now) {
        return article.isCommentsOpen()
                && rules.closesAfter(article.getPublishedAt()).map(now::isBefore).orElse(true);
    }

    /**
     * The comment a reply answers: an approved comment of the same article, not
     * already at the deepest level.
     */
    Comment replyParent(Article article, long parentId, CommentRules rules) {
        Comment parent = this.comments.findById(parentId)
            .filter((candidate) -> candidate.getArticleId().equals(article.getId()) && candidate.isApproved())
            .orElseThrow(() -> new InvalidReplyException("reply.parent.unavailable"));
        if (parent.getDepth() >= rules.threadDepth()) {
            throw new InvalidReplyException("reply.parent.tooDeep");
        }
        return parent;
    }

    /** The facts screening asks for, each read from the database only when needed. */
    private final class StoredFacts implements CommentScreening.Facts {

        private final Article article;

        private final Submission submission;

        private final Instant now;

        StoredFacts(Article article, Submission submission, Instant now) {
            this.article = article;
            this.submission = submission;
            this.now = now;
        }

        @Override
        public boolean isDuplicate() {
            return CommentService.this.comments.existsDuplicate(this.article.getId(),
                    BodyHash.of(this.submission.body()), this.submission.author().name());
        }

        @Override
        public Optional<Duration> sinceLastComment() {
            String address = this.submission.clientAddress();
            Optional<Instant> byNetwork = (address != null)
                    ? CommentService.this.comments.lastCommentFromNetwork(ClientAddresses.limitKey(address))
                    : Optional.empty();
            return byNetwork.map((last) -> Duration.between(last, this.now));
        }

        @Override
        public boolean isStaffName() {
            StaffDirectory directory = CommentService.this.staff.getIfAvailable();
            return directory != null && directory.isStaffName(this.submission.author().name());
        }

        @Override
        public boolean approvedBefore() {
            Author author = this.submission.author();
            return CommentService.this.comments.existsApproved(author.name(), author.email());
        }

        @Override
        public boolean emailRepeatsText() {
            return CommentService.this.comments.existsSameTextWithEmail(this.article.getId(),
                    BodyHash.of(this.submission.body()), this.submission.author().email());
        }

        @Override
        public Optional<Duration> sinceLastCommentWithEmail() {
            return CommentService.this.comments.lastCommentFromEmail(this.submission.author().email())
                .map((last) -> Duration.between(last, this.now));
        }

    }

}
