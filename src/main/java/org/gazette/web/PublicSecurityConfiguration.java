package org.gazette.web;

import org.gazette.article.SiteProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfFilter;

/**
 * The readers' side: stateless (no session, no saved requests, no CSRF token in its
 * form, so every anonymous reader gets the same bytes) with a header check that
 * refuses cross-site posts before their body is read.
 */
@Configuration(proxyBeanMethods = false)
class PublicSecurityConfiguration {

    @Bean
    @Order(2)
    SecurityFilterChain publicChain(HttpSecurity http, SiteProperties site, PostingOutcomes outcomes)
            throws Exception {
        http.securityMatcher("/**")
            .authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
            .csrf((csrf) -> csrf.disable())
            .sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .requestCache((cache) -> cache.disable())
            .addFilterBefore(new CrossSiteRequestFilter(site.baseUrl().toString(),
                    () -> outcomes.refused(PostingOutcomes.Refusal.CROSS_SITE)), CsrfFilter.class);
        return http.build();
    }

}
