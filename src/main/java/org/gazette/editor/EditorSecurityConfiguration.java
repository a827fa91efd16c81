package org.gazette.editor;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The editors' side: a signed-in session with Spring Security's CSRF token on every
 * form, and Gazette's own sign-in page. Readers' pages run in the public chain.
 */
@Configuration(proxyBeanMethods = false)
public class EditorSecurityConfiguration {

    /** The paths the editors' chain owns. */
    public static final String[] EDITOR_PATHS = { "/login", "/logout", "/moderation", "/moderation/**" };

    @Bean
    @Order(1)
    SecurityFilterChain editorChain(HttpSecurity http) throws Exception {
        http.securityMatcher(EDITOR_PATHS)
            .authorizeHttpRequests((requests) -> requests.requestMatchers("/login")
                .permitAll()
                .requestMatchers("/moderation/accounts", "/moderation/accounts/**")
                .hasRole("ADMIN")
                .anyRequest()
                .hasRole("EDITOR"))
            .formLogin((form) -> form.loginPage("/login").defaultSuccessUrl("/moderation").permitAll())
            .logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
            .sessionManagement((session) -> session.sessionFixation((fixation) -> fixation.changeSessionId()));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

}
