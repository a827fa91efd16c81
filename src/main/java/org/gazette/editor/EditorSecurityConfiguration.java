package org.gazette.editor;

import java.sql.DatabaseMetaData;
import java.time.Clock;

import javax.sql.DataSource;

import jakarta.servlet.http.HttpServletRequest;
import org.gazette.ClientAddresses;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.session.autoconfigure.DefaultCookieSerializerCustomizer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The editors' side: a session only once signed in (a new session id at sign-in, the
 * idle timeout of {@code server.servlet.session.timeout}, at most
 * {@code gazette.editor.max-sessions} per editor, stored in the database so that every
 * node shares it), Spring Security's CSRF token on every form (kept in a cookie until
 * there is a session), Gazette's own sign-in page with its limits (see
 * {@link SignInFilter}), and a return to the page first asked for. Readers' pages run in
 * the public chain.
 */
@Configuration(proxyBeanMethods = false)
public class EditorSecurityConfiguration {

    /** The paths the editors' chain owns. */
    public static final String[] EDITOR_PATHS = { "/login", "/logout", "/moderation", "/moderation/**" };

    /** The name of the editors' session cookie. */
    public static final String SESSION_COOKIE = "JSESSIONID";

    @Bean
    @Order(1)
    SecurityFilterChain editorChain(HttpSecurity http, EditorProperties properties, SignInThrottle throttle,
            PasswordChecks checks, DeviceCookies devices, SessionRegistry sessions, EditorAccountRepository accounts,
            ApplicationEventPublisher events) throws Exception {
        ReturnPathCookie returnPath = new ReturnPathCookie(EditorSecurityConfiguration::isPageNavigation);
        XorCsrfTokenRequestAttributeHandler csrfTokens = new XorCsrfTokenRequestAttributeHandler();
        http.securityMatcher(EDITOR_PATHS)
            .csrf((csrf) -> csrf.csrfTokenRepository(new EditorCsrfTokens()).csrfTokenRequestHandler(csrfTokens))
            .authorizeHttpRequests((requests) -> requests.requestMatchers("/login")
                .permitAll()
                .requestMatchers("/moderation/accounts", "/moderation/accounts/**")
                .hasRole("ADMIN")
                .requestMatchers("/moderation/articles/import", "/moderation/articles/import/**")
                .hasRole("ADMIN")
                .anyRequest()
                .hasRole("EDITOR"))
            .requestCache((cache) -> cache.requestCache(returnPath))
            .addFilterBefore(new SignInFilter(throttle, checks, devices),
                    UsernamePasswordAuthenticationFilter.class)
            .addFilterAfter(new PasswordChangeFilter(accounts), AuthorizationFilter.class)
            .formLogin((form) -> form.loginPage("/login")
                .authenticationDetailsSource(SignInAttempt::of)
                .successHandler(new SignInSuccessHandler(throttle, devices, returnPath, events))
                .failureHandler(new SignInFailureHandler(throttle, events))
                .withObjectPostProcessor(new ObjectPostProcessor<UsernamePasswordAuthenticationFilter>() {
                    @Override
                    public <O extends UsernamePasswordAuthenticationFilter> O postProcess(O filter) {
                        filter.setRequiresAuthenticationRequestMatcher(SignInFilter.CHECKED_SIGN_IN);
                        return filter;
                    }
                })
                .permitAll())
            .logout((logout) -> logout.logoutUrl("/logout")
                .logoutSuccessUrl("/login?logout")
                .addLogoutHandler((request, response, authentication) -> {
                    if (authentication != null) {
                        events.publishEvent(new EditorSignedOut(authentication.getName(), ClientAddresses.of(request)));
                    }
                })
                .permitAll())
            .exceptionHandling((exceptions) -> exceptions.accessDeniedHandler(new EditorAccessDeniedHandler()))
            .sessionManagement((session) -> session.sessionFixation((fixation) -> fixation.changeSessionId())
                .sessionConcurrency((concurrency) -> concurrency.maximumSessions(properties.maxSessions())
                    .sessionRegistry(sessions)
                    .expiredUrl("/login?expired")));
        return http.build();
    }

    /**
     * Whether a request is worth coming back to after sign-in: a page the editor
     * navigated to, not a form post, a script's request or an image.
     */
    static boolean isPageNavigation(HttpServletRequest request) {
        String mode = request.getHeader("Sec-Fetch-Mode");
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return HttpMethod.GET.matches(request.getMethod())
                && !"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))
                && (mode == null || "navigate".equals(mode))
                && (accept == null || accept.contains("text/html") || accept.contains("*/*"));
    }

    /**
     * No observation of Spring Security's filter chains, sign-ins or decisions: each filter of
     * each request was wrapped in one that records events nothing shows or traces
     * (BENCHMARKS.md, row 24). HTTP requests are still observed as a whole.
     */
    @Bean
    static SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    EditorAuthenticationProvider editorAuthenticationProvider(EditorAccountRepository accounts,
            PasswordEncoder passwordEncoder, SignInThrottle throttle) {
        return new EditorAuthenticationProvider(accounts, passwordEncoder, throttle);
    }

    @Bean
    SignInThrottle signInThrottle(EditorProperties properties, Clock clock, JdbcTemplate jdbc,
            PlatformTransactionManager transactions) {
        return new SignInThrottle(properties.signIn(), clock, jdbc, transactions);
    }

    @Bean
    PasswordChecks passwordChecks(EditorProperties properties) {
        return new PasswordChecks(properties.signIn().concurrentChecks(), properties.signIn().checkWait());
    }

    @Bean
    DeviceCookies deviceCookies(JdbcTemplate jdbc, Clock clock, EditorAccountRepository accounts) {
        return DeviceCookies.withStoredKey(jdbc, clock,
                (username) -> accounts.findByUsername(username).map(EditorAccount::getPasswordHash));
    }

    /**
     * Names the session cookie as the servlet container did before sessions moved to the
     * database ({@code JSESSIONID} rather than Spring Session's {@code SESSION}), so that
     * an editor's browser, the proxy's rules and the tools that look for it stay the same.
     * Its other attributes come from {@code server.servlet.session.cookie.*}.
     */
    @Bean
    DefaultCookieSerializerCustomizer sessionCookieName() {
        return (serializer) -> serializer.setCookieName(SESSION_COOKIE);
    }

    /**
     * Writes a session attribute that another request of the same session has just
     * written (two clicks on the desk at once, on one node or two, each leaving a notice
     * for the next page) as an update, where Spring Session's plain insert broke the
     * primary key and the answer with it.
     */
    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionAttributeUpserts(DataSource dataSource)
            throws MetaDataAccessException {
        String database = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        if ("PostgreSQL".equals(database)) {
            return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
        }
        if ("H2".equals(database)) {
            return (repository) -> repository.setCreateSessionAttributeQuery(
                    "MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES) "
                            + "KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) VALUES (?, ?, ?)");
        }
        return (repository) -> {
        };
    }

    /** An editor's session's last access written at most once a minute, not at every click. */
    @Bean
    static BeanPostProcessor sessionLastAccessWrites() {
        return LastAccessWrites.wrapping();
    }

    /**
     * The editors' sessions as the database holds them (Spring Session JDBC), so that the
     * limit on sessions and the ending of an editor's sessions hold across every node.
     */
    @Bean
    <S extends Session> SessionRegistry editorSessionRegistry(FindByIndexNameSessionRepository<S> sessions) {
        return new EditorSessionRegistry(sessions);
    }

}
