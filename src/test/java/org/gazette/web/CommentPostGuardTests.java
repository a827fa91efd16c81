package org.gazette.web;

import java.lang.reflect.Method;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.gazette.article.SiteProperties;
import org.gazette.comment.CommentProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.method.HandlerMethod;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guard on the posting handler, on its own: whatever led a request to the handler
 * (the public chain's header check refuses cross-site posts first on the readers' paths),
 * the guard itself refuses a cross-site post, an oversized body and a client over its
 * allowance (kept in the database), and lets others through.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class CommentPostGuardTests {

    private static final CommentProperties PROPERTIES = new CommentProperties(Duration.ofSeconds(15),
            new CommentProperties.RateLimit(true, 2, Duration.ofMinutes(10)), 2, 5, 50, 0, null);

    @Autowired
    private JdbcTemplate jdbc;

    private CommentPostGuard guard;

    private final HandlerMethod posting = new HandlerMethod(new Handlers(), method("post"));

    private final HandlerMethod other = new HandlerMethod(new Handlers(), method("other"));

    @BeforeEach
    void guard() {
        this.guard = new CommentPostGuard(PROPERTIES,
                new SiteProperties(URI.create("http://localhost:8080"), ZoneId.of("UTC")),
                new PostingOutcomes(new SimpleMeterRegistry()),
                new PostingAllowances(this.jdbc, Clock.systemUTC(), PROPERTIES));
    }

    @Test
    void refusesACrossSitePostReachingThePostingHandler() throws Exception {
        MockHttpServletRequest request = post("198.51.100.1");
        request.addHeader("Sec-Fetch-Site", "cross-site");
        MockHttpServletResponse response = new MockHttpServletResponse();

        assertThat(this.guard.preHandle(request, response, this.posting)).isFalse();
        assertThat(response.getStatus()).isEqualTo(403);
    }

    @Test
    void refusesAnOversizedBodyBeforeReadingIt() throws Exception {
        MockHttpServletRequest request = post("198.51.100.2");
        request.setContent(new byte[(int) CommentPostGuard.MAX_BODY_BYTES + 1]);
        MockHttpServletResponse response = new MockHttpServletResponse();

        assertThat(this.guard.preHandle(request, response, this.posting)).isFalse();
        assertThat(response.getStatus()).isEqualTo(413);
    }

    @Test
    void refusesAClientOverItsAllowanceWithRetryAfter() throws Exception {
        assertThat(this.guard.preHandle(post("198.51.100.3"), new MockHttpServletResponse(), this.posting)).isTrue();
        assertThat(this.guard.preHandle(post("198.51.100.3"), new MockHttpServletResponse(), this.posting)).isTrue();
        MockHttpServletResponse third = new MockHttpServletResponse();

        assertThat(this.guard.preHandle(post("198.51.100.3"), third, this.posting)).isFalse();
        assertThat(third.getStatus()).isEqualTo(429);
        assertThat(third.getHeader("Retry-After")).isNotNull();
    }

    @Test
    void leavesOtherHandlersAlone() throws Exception {
        MockHttpServletRequest request = post("198.51.100.4");
        request.addHeader("Sec-Fetch-Site", "cross-site");

        assertThat(this.guard.preHandle(request, new MockHttpServletResponse(), this.other)).isTrue();
    }

    private static MockHttpServletRequest post(String address) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/articles/x/comments");
        request.setRemoteAddr(address);
        return request;
    }

    private static Method method(String name) {
        try {
            return Handlers.class.getDeclaredMethod(name);
        }
        catch (NoSuchMethodException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static class Handlers {

        @GuardedPost
        void post() {
        }

        void other() {
        }

    }

}
