package org.gazette.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.gazette.ClientAddresses;
import org.gazette.article.Article;
import org.gazette.article.ArticleNotFoundException;
import org.gazette.article.ArticleRepository;
import org.gazette.comment.CommentFloodException;
import org.gazette.comment.CommentPageNotFoundException;
import org.gazette.comment.CommentService;
import org.gazette.comment.CommentThreads;
import org.gazette.comment.CommentsClosedException;
import org.gazette.comment.DuplicateCommentException;
import org.gazette.comment.HeldCommentTokens;
import org.gazette.comment.InvalidReplyException;
import org.gazette.comment.PostedComment;
import org.gazette.comment.ReplyForm;
import org.gazette.comment.ThreadPage;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The article page: the article, one page of its comments and the "Leave a Reply"
 * form; and posting to that form, which redirects back on success (303) and re-renders
 * the page with the reader's input and a message on a refusal.
 */
@Controller
class ArticlePageController {

    static final String REMEMBER_COOKIE = "gazette_commenter";

    private static final int MAX_PAGE_DIGITS = 9;

    private final ArticleRepository articles;

    private final CommentThreads threads;

    private final CommentService comments;

    private final HeldCommentTokens tokens;

    private final ArticleMetadata metadata;

    private final PostingOutcomes outcomes;

    ArticlePageController(ArticleRepository articles, CommentThreads threads, CommentService comments,
            HeldCommentTokens tokens, ArticleMetadata metadata, PostingOutcomes outcomes) {
        this.articles = articles;
        this.threads = threads;
        this.comments = comments;
        this.tokens = tokens;
        this.metadata = metadata;
        this.outcomes = outcomes;
    }

    @GetMapping("/articles/{slug}")
    ModelAndView show(@PathVariable String slug, @RequestParam(name = "page", required = false) String page,
            @RequestParam(name = "replyto", required = false) String replyTo,
            @RequestParam(name = "held", required = false) String held, HttpServletResponse response) {
        Article article = findArticle(slug);
        ReplyForm reply = new ReplyForm();
        parseId(replyTo).filter((id) -> this.threads.replyTarget(article, id).isPresent())
            .ifPresent(reply::setReplyTo);
        ThreadPage thread = this.threads.page(article, parsePage(page), Optional.ofNullable(held)
            .flatMap(this.tokens::verify));
        response.setHeader(HttpHeaders.CACHE_CONTROL, thread.personal() ? CachePolicy.PRIVATE : CachePolicy.PUBLIC);
        return page(article, thread, reply, HttpStatus.OK);
    }

    /**
     * Posts a comment. A valid form goes straight to the service, which reads only the
     * article's row; the article with its body is loaded only to re-render the page
     * with a refusal. The order of the answers is the service's: unknown article (404),
     * comments closed (403, also for an invalid form), then the fields (422) and the
     * rules.
     */
    @PostMapping("/articles/{slug}/comments")
    @GuardedPost
    Object post(@PathVariable String slug, @Valid @ModelAttribute("reply") ReplyForm reply, BindingResult result,
            HttpServletRequest request, HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, CachePolicy.PRIVATE);
        if (result.hasErrors()) {
            Article article = findArticle(slug);
            if (!this.comments.isOpen(article)) {
                this.outcomes.refused(PostingOutcomes.Refusal.CLOSED);
                return refusal(article, reply, HttpStatus.FORBIDDEN, "reply.closed");
            }
            this.outcomes.refused(PostingOutcomes.Refusal.INVALID);
            return page(article, firstPage(article), reply, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        try {
            PostedComment posted = this.comments.submit(slug, reply, ClientAddresses.of(request));
            this.outcomes.accepted(posted.verdict());
            rememberCommenter(reply, request, response);
            return redirectTo(slug, posted);
        }
        catch (CommentsClosedException ex) {
            this.outcomes.refused(PostingOutcomes.Refusal.CLOSED);
            return refusal(findArticle(slug), reply, HttpStatus.FORBIDDEN, "reply.closed");
        }
        catch (InvalidReplyException ex) {
            this.outcomes.refused(PostingOutcomes.Refusal.INVALID);
            reply.setReplyTo(null);
            result.reject(ex.messageKey());
            return refusalPage(slug, reply, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        catch (DuplicateCommentException ex) {
            this.outcomes.refused(PostingOutcomes.Refusal.DUPLICATE);
            result.reject("reply.duplicate");
            return refusalPage(slug, reply, HttpStatus.CONFLICT);
        }
        catch (CommentFloodException ex) {
            this.outcomes.refused(PostingOutcomes.Refusal.FLOOD);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()));
            result.reject("reply.flood", new Object[] { ex.retryAfterSeconds() }, null);
            return refusalPage(slug, reply, HttpStatus.TOO_MANY_REQUESTS);
        }
    }

    /**
     * Any other method on an article: 404 when there is no such article, as for reading
     * it, so that no method tells a stranger less; otherwise 405 (or, for OPTIONS, the
     * methods the article takes).
     */
    @RequestMapping(path = "/articles/{slug}", method = { RequestMethod.POST, RequestMethod.PUT,
            RequestMethod.DELETE, RequestMethod.PATCH, RequestMethod.OPTIONS })
    ResponseEntity<Void> otherMethodOnArticle(@PathVariable String slug, HttpMethod method)
            throws HttpRequestMethodNotSupportedException {
        return otherMethod(slug, method, HttpMethod.GET, HttpMethod.HEAD);
    }

    /** Any other method on an article's comments: 404 when there is no such article, else 405. */
    @RequestMapping(path = "/articles/{slug}/comments", method = { RequestMethod.GET, RequestMethod.PUT,
            RequestMethod.DELETE, RequestMethod.PATCH, RequestMethod.OPTIONS })
    ResponseEntity<Void> otherMethodOnComments(@PathVariable String slug, HttpMethod method)
            throws HttpRequestMethodNotSupportedException {
        return otherMethod(slug, method, HttpMethod.POST);
    }

    private ResponseEntity<Void> otherMethod(String slug, HttpMethod method, HttpMethod... allowed)
            throws HttpRequestMethodNotSupportedException {
        if (!this.articles.existsPublishedBySlug(slug)) {
            throw new ArticleNotFoundException(slug);
        }
        Set<HttpMethod> allow = new LinkedHashSet<>(List.of(allowed));
        allow.add(HttpMethod.OPTIONS);
        if (HttpMethod.OPTIONS.equals(method)) {
            return ResponseEntity.ok().allow(allow.toArray(HttpMethod[]::new)).build();
        }
        throw new HttpRequestMethodNotSupportedException(method.name(),
                allow.stream().map(HttpMethod::name).toList());
    }

    private ModelAndView refusalPage(String slug, ReplyForm reply, HttpStatus status) {
        Article article = findArticle(slug);
        return page(article, firstPage(article), reply, status);
    }

    private ModelAndView refusal(Article article, ReplyForm reply, HttpStatus status, String messageKey) {
        ModelAndView page = page(article, firstPage(article), reply, status);
        page.addObject("refusal", messageKey);
        return page;
    }

    private ModelAndView page(Article article, ThreadPage thread, ReplyForm reply, HttpStatus status) {
        ModelAndView page = new ModelAndView("articles/show");
        page.addObject("article", article);
        page.addObject("thread", thread);
        page.addObject("reply", reply);
        page.addObject("commentsOpen", this.comments.isOpen(article));
        page.addObject("replyToName", (reply.getReplyTo() != null)
                ? this.threads.replyTarget(article, reply.getReplyTo()).orElse(null) : null);
        page.addObject("canonicalUrl", this.metadata.canonicalUrl(article));
        page.addObject("feedUrl", this.metadata.feedUrl());
        page.addObject("commentsFeedUrl", this.metadata.commentsFeedUrl(article.getSlug()));
        page.addObject("jsonLd", this.metadata.jsonLd(article));
        page.setStatus(status);
        return page;
    }

    private ThreadPage firstPage(Article article) {
        return this.threads.page(article, 1, Optional.empty());
    }

    private RedirectView redirectTo(String slug, PostedComment posted) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/articles/{slug}");
        if (posted.page() > 1) {
            url.queryParam("page", posted.page());
        }
        if (posted.heldToken() != null) {
            url.queryParam("held", posted.heldToken());
        }
        url.fragment("comment-" + posted.id());
        RedirectView redirect = new RedirectView(url.buildAndExpand(slug).toUriString(), true);
        redirect.setStatusCode(HttpStatus.SEE_OTHER);
        redirect.setExposeModelAttributes(false);
        return redirect;
    }

    /**
     * Keeps the commenter's name, email and website in a cookie when they asked, for the
     * page script to fill the form with; forgets them when they did not.
     */
    private void rememberCommenter(ReplyForm reply, HttpServletRequest request, HttpServletResponse response) {
        ResponseCookie.ResponseCookieBuilder cookie;
        if (reply.isRemember()) {
            String value = String.join("\n", reply.getAuthor(), reply.getEmail(),
                    (reply.getUrl() != null) ? reply.getUrl() : "");
            cookie = ResponseCookie
                .from(REMEMBER_COOKIE,
                        Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8)))
                .maxAge(Duration.ofDays(365));
        }
        else {
            cookie = ResponseCookie.from(REMEMBER_COOKIE, "").maxAge(0);
        }
        response.addHeader(HttpHeaders.SET_COOKIE,
                cookie.path("/").sameSite("Lax").secure(request.isSecure()).build().toString());
    }

    private Article findArticle(String slug) {
        return this.articles.findPublishedWithBodyBySlug(slug).orElseThrow(() -> new ArticleNotFoundException(slug));
    }

    /** A page number: absent is 1; anything but a plain positive number is a page that does not exist. */
    private static int parsePage(String page) {
        if (page == null) {
            return 1;
        }
        if (page.isEmpty() || page.length() > MAX_PAGE_DIGITS || !isDigits(page)) {
            throw new CommentPageNotFoundException(0);
        }
        return Integer.parseInt(page);
    }

    private static Optional<Long> parseId(String value) {
        if (value == null || value.isEmpty() || value.length() > 18 || !isDigits(value)) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(value));
    }

    /** ASCII digits only: {@code Character.isDigit} would let other scripts' digits through. */
    private static boolean isDigits(String value) {
        return value.chars().allMatch((c) -> c >= '0' && c <= '9');
    }

}
