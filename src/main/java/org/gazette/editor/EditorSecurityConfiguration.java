package org.gazette.editor;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/**
 * The editors' side: a signed-in session (a new session id at sign-in, the idle
 * timeout of {@code server.servlet.session.timeout}) with Spring Security's CSRF token
 * on every form, Gazette's own sign-in page, sign-in throttled per username and client
 * address, and a return to the page first asked for. Readers' pages run in the public
 * chain.
 */
@Configuration(proxyBeanMethods = false)
public class EditorSecurityConfiguration {

    /** The paths the editors' chain owns. */
    public static final String[] EDITOR_PATHS = { "/login", "/logout", "/moderation", "/moderation/**" };

    @Bean
    @Order(1)
    SecurityFilterChain editorChain(HttpSecurity http, SignInThrottle throttle, SessionRegistry sessions,
            Environment environment) throws Exception {
        ClientAddress clients = ClientAddress.from(environment);
        HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
        requestCache.setMatchingRequestParameterName(null);
        requestCache.setRequestMatcher(EditorSecurityConfiguration::isPageNavigation);
        XorCsrfTokenRequestAttributeHandler csrfTokens = new XorCsrfTokenRequestAttributeHandler();
        csrfTokens.setSecureRandom(new PerThreadSecureRandom());
        http.securityMatcher(EDITOR_PATHS)
            .csrf((csrf) -> csrf.csrfTokenRequestHandler(csrfTokens))
            .authorizeHttpRequests((requests) -> requests.requestMatchers("/login")
                .permitAll()
                .requestMatchers("/moderation/accounts", "/moderation/accounts/**")
                .hasRole("ADMIN")
                .anyRequest()
                .hasRole("EDITOR"))
            .requestCache((cache) -> cache.requestCache(requestCache))
            .addFilterBefore(new SignInThrottleFilter(throttle, clients), UsernamePasswordAuthenticationFilter.class)
            .formLogin((form) -> form.loginPage("/login")
                .successHandler(new SignInSuccessHandler(throttle, clients, requestCache))
                .failureHandler(new SignInFailureHandler(throttle, clients))
                .withObjectPostProcessor(new ObjectPostProcessor<UsernamePasswordAuthenticationFilter>() {
                    @Override
                    public <O extends UsernamePasswordAuthenticationFilter> O postProcess(O filter) {
                        filter.setRequiresAuthenticationRequestMatcher(SignInThrottleFilter.UNTHROTTLED_SIGN_IN);
                        return filter;
                    }
                })
                .permitAll())
            .logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
            .exceptionHandling((exceptions) -> exceptions.accessDeniedHandler(new EditorAccessDeniedHandler()))
            .sessionManagement((session) -> session.sessionFixation((fixation) -> fixation.changeSessionId())
                .sessionConcurrency((concurrency) -> concurrency.maximumSessions(-1)
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

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SignInThrottle signInThrottle(EditorProperties properties, Clock clock) {
        return new SignInThrottle(properties.signIn(), clock);
    }

    @Bean
    SessionRegistry editorSessionRegistry() {
        return new SessionRegistryImpl();
    }

    /** Tells the session registry when a session ends or changes its id. */
    @Bean
    static HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

}
