package org.gazette.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gazette.Change;

import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves the pages every anonymous reader shares — each page of the front page and of an
 * article's comments, the feeds and the sitemap — from memory, and answers conditional requests with 304 without
 * touching the database or rendering anything. Entries and weak ETags are keyed by
 * {@link PageVersions}, made of the versions the database stores, which every committed
 * change moves, so a reader never gets a stale page and every node gives the same ETag
 * for the same page. When a node may have missed changes, it drops every page it kept
 * ({@link Change.Topic#EVERYTHING}). Personal pages (a held comment shown to its author, a refused form, a
 * reply form) carry other parameters or {@code Cache-Control: private} and are never
 * stored. Each page is kept plain and gzip-compressed, compressed once when it is
 * rendered (once: readers who ask while it renders wait for that rendering instead of
 * repeating it), and served in the coding the reader takes ({@link ContentCoding}), with an
 * ETag of that coding's own and {@code Vary: Accept-Encoding}; Tomcat compresses no
 * response that already says its {@code Content-Encoding}. Its hits and misses are the
 * metric {@code cache.gets} of the cache
 * {@code pages}; the 304s it answers, {@code gazette.pages.not-modified}.
 */
@Component
class PageCacheFilter extends OncePerRequestFilter {

    private static final Pattern ARTICLE = Pattern.compile("/articles/([a-z0-9][a-z0-9-]{0,199})");

    private static final Pattern COMMENT_FEED = Pattern
        .compile("/articles/([a-z0-9][a-z0-9-]{0,199})/comments/feed");

    private static final Pattern SITEMAP_PART = Pattern.compile("/sitemap-([1-9][0-9]{0,8})\\.xml");

    private static final Pattern PAGE = Pattern.compile("[1-9][0-9]{0,8}");

    /** The most bytes of pages kept, whatever the heap: a few hundred full pages. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    /** How long a reader waits for another request's rendering of the page before rendering it itself. */
    private static final Duration RENDER_WAIT = Duration.ofSeconds(5);

    private final PageVersions versions;

    /** Pages by version, each entry a rendering that readers asking meanwhile wait for rather than repeat. */
    private final AsyncCache<String, CachedPage> pages = Caffeine.newBuilder()
        .maximumWeight(maxBytes(Runtime.getRuntime().maxMemory()))
        .weigher((String key, CachedPage page) -> page.body().length + page.gzip().length + key.length())
        .recordStats()
        .buildAsync();

    private final Counter notModified;

    PageCacheFilter(PageVersions versions, MeterRegistry registry) {
        this.versions = versions;
        CaffeineCacheMetrics.monitor(registry, this.pages.synchronous(), "pages");
        this.notModified = Counter.builder("gazette.pages.not-modified")
            .description("Shared pages answered 304 from their version alone")
            .register(registry);
    }

    /**
     * The bytes of pages kept with a heap of this size: {@link #MAX_BYTES}, or an eighth
     * of the heap if that is less (22 MB of the 176 MB heap of README's production
     * settings, some 150 article pages of 50 comments), so that a site with many busy
     * articles fills no more of the heap with pages than the rest of the application
     * leaves free.
     */
    static long maxBytes(long maxHeap) {
        return Math.min(MAX_BYTES, maxHeap / 8);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return !("GET".equals(method) || "HEAD".equals(method));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Shared shared = shared(request);
        if (shared == null) {
            chain.doFilter(request, response);
            return;
        }
        ContentCoding coding = ContentCoding.chosenFor(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
        String etag = coding.tag("W/\"" + shared.tag() + "\"");
        // "If-None-Match: *" asks whether the page exists at all; past page 1 that takes the page itself.
        boolean anyTag = "*".equals(String.valueOf(request.getHeader(HttpHeaders.IF_NONE_MATCH)).strip());
        if (anyTag ? shared.exists() : notModified(request, etag, shared.lastModified())) {
            answerNotModified(response, etag, shared);
            return;
        }
        // Readers who ask while the page is being rendered wait for that rendering (a HEAD renders its own).
        CompletableFuture<CachedPage> kept = this.pages.getIfPresent(shared.tag());
        CompletableFuture<CachedPage> rendering = null;
        if (kept == null && !"HEAD".equals(request.getMethod())) {
            rendering = new CompletableFuture<>();
            kept = this.pages.asMap().putIfAbsent(shared.tag(), rendering);
        }
        CachedPage cached = (kept != null) ? awaited(kept) : null;
        if (cached == null) {
            cached = render(request, response, chain, (kept == null) ? rendering : null);
            if (cached == null) {
                return;
            }
        }
        if (anyTag) {
            answerNotModified(response, etag, shared);
            return;
        }
        byte[] body = (coding == ContentCoding.GZIP) ? cached.gzip() : cached.body();
        validators(response, etag, shared.lastModified());
        response.setContentType(cached.contentType());
        response.setHeader(HttpHeaders.CONTENT_LANGUAGE, cached.language());
        if (coding.headerValue() != null) {
            response.setHeader(HttpHeaders.CONTENT_ENCODING, coding.headerValue());
        }
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    /**
     * The page another request is rendering, or null when it is not to be kept, failed, or
     * takes longer than {@link #RENDER_WAIT} (a stuck rendering holds no other request thread).
     */
    private static CachedPage awaited(CompletableFuture<CachedPage> rendering) {
        try {
            return rendering.get(RENDER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (TimeoutException | ExecutionException ex) {
            return null;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * Renders the page; its bytes when every reader may share them, otherwise null once
     * the answer has been sent as it was made. A rendering that others wait for gets the
     * page, or null, which drops it, when the page is not to be kept or failed.
     */
    private CachedPage render(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
            CompletableFuture<CachedPage> awaited) throws ServletException, IOException {
        CachedPage page = null;
        try {
            ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
            chain.doFilter(request, wrapper);
            if (wrapper.getStatus() != HttpServletResponse.SC_OK
                    || !CachePolicy.PUBLIC.equals(wrapper.getHeader(HttpHeaders.CACHE_CONTROL))) {
                wrapper.copyBodyToResponse();
                return null;
            }
            byte[] body = wrapper.getContentAsByteArray();
            page = new CachedPage(body, gzip(body), wrapper.getContentType(),
                    wrapper.getHeader(HttpHeaders.CONTENT_LANGUAGE));
            return page;
        }
        finally {
            if (awaited != null) {
                awaited.complete(page);
            }
        }
    }

    /** The page compressed once, when it is stored, at zlib's default level (level 9 costs more for little: docs/benchmark-history.md). */
    static byte[] gzip(byte[] body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream out = new GZIPOutputStream(bytes, 8192)) {
            out.write(body);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return bytes.toByteArray();
    }

    /**
     * The shared page this request asks for, or null when it is personal, not a page we
     * keep, or of an article that does not exist (which the controller answers with 404).
     */
    private Shared shared(HttpServletRequest request) {
        String path = request.getRequestURI();
        Map<String, String[]> parameters = request.getParameterMap();
        if ("/".equals(path)) {
            int page = page(parameters);
            return (page > 0) ? front(".p" + page, page == 1) : null;
        }
        if (!parameters.isEmpty() && !ARTICLE.matcher(path).matches()) {
            return null;
        }
        if ("/feed".equals(path)) {
            return front(".feed", true);
        }
        if ("/sitemap.xml".equals(path)) {
            return front(".map", true);
        }
        Matcher sitemapPart = SITEMAP_PART.matcher(path);
        if (sitemapPart.matches()) {
            return front(".map" + sitemapPart.group(1), false);
        }
        Matcher commentFeed = COMMENT_FEED.matcher(path);
        if (commentFeed.matches()) {
            return article(commentFeed.group(1), 0, ".feed");
        }
        Matcher article = ARTICLE.matcher(path);
        if (!article.matches()) {
            return null;
        }
        int page = page(parameters);
        return (page > 0) ? article(article.group(1), page, "") : null;
    }

    /** The page number asked for: 1 without parameters, 0 for anything but a lone plain page number. */
    private static int page(Map<String, String[]> parameters) {
        if (parameters.isEmpty()) {
            return 1;
        }
        String[] values = parameters.get("page");
        if (parameters.size() > 1 || values == null || values.length != 1 || !PAGE.matcher(values[0]).matches()) {
            return 0;
        }
        return Integer.parseInt(values[0]);
    }

    private Shared front(String suffix, boolean exists) {
        PageVersions.Stamp front = this.versions.front();
        return new Shared(front.tag() + suffix, front.lastModified(), exists);
    }

    private Shared article(String slug, int page, String suffix) {
        return this.versions.article(slug, page)
            .map((stamp) -> new Shared(stamp.tag() + suffix, stamp.lastModified(), page <= 1))
            .orElse(null);
    }

    /** This node may have missed changes: none of the pages it kept is served again. */
    @EventListener
    void on(Change change) {
        if (change.topic() == Change.Topic.EVERYTHING) {
            this.pages.synchronous().invalidateAll();
        }
    }

    private void answerNotModified(HttpServletResponse response, String etag, Shared shared) {
        this.notModified.increment();
        response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
        validators(response, etag, shared.lastModified());
    }

    private static boolean notModified(HttpServletRequest request, String etag, Instant lastModified) {
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            for (String candidate : ifNoneMatch.split(",")) {
                String tag = candidate.strip();
                if (tag.equals(etag) || ("W/" + tag).equals(etag)) {
                    return true;
                }
            }
            return false;
        }
        try {
            long since = request.getDateHeader(HttpHeaders.IF_MODIFIED_SINCE);
            return since >= 0 && lastModified.toEpochMilli() <= since;
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
    }

    private static void validators(HttpServletResponse response, String etag, Instant lastModified) {
        response.setHeader(HttpHeaders.ETAG, etag);
        response.setDateHeader(HttpHeaders.LAST_MODIFIED, lastModified.toEpochMilli());
        response.setHeader(HttpHeaders.CACHE_CONTROL, CachePolicy.PUBLIC);
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
    }

    /** A shared page's validators; {@code exists} when it is known to be there without rendering it (a first page). */
    private record Shared(String tag, Instant lastModified, boolean exists) {

    }

    /** A page's plain bytes and their gzip coding, both counted by the cache's bound. */
    private record CachedPage(byte[] body, byte[] gzip, String contentType, String language) {

    }

}
