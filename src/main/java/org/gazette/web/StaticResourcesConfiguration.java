package org.gazette.web;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * The static files ({@code src/main/resources/static}) under the paths they actually
 * have, instead of Boot's catch-all {@code /**}: content-hashed names
 * ({@code /css/gazette-<hash>.css}) cached for a year. Every link a template builds
 * ({@code @{...}}) is offered to the resource chain to be versioned; under {@code /**}
 * each one, {@code /moderation?...} and {@code /articles/...} included, was looked up
 * in every static location of the jar and, not being a file, looked up again on the
 * next render (the chain caches only hits). A page of the moderation queue builds about
 * two hundred links, and those lookups were most of its cost. With these patterns a
 * page link fails the pattern match and is left as it is.
 * {@code spring.web.resources.add-mappings=false} turns Boot's own mapping off; the
 * content strategy property keeps Boot's link-rewriting filter.
 */
@Configuration(proxyBeanMethods = false)
class StaticResourcesConfiguration implements WebMvcConfigurer {

    /**
     * The paths of the files under {@code static/}, each with the folder it is served
     * from (a pattern's fixed part is not part of the file's name): a new top-level
     * folder or file needs an entry here.
     */
    static final Map<String, String> LOCATIONS = Map.of("/css/**", "classpath:/static/css/", "/js/**",
            "classpath:/static/js/", "/*.ico", "classpath:/static/");

    private static final long ONE_YEAR_IN_DAYS = 365;

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        LOCATIONS.forEach((pattern, location) -> registry.addResourceHandler(pattern)
            .addResourceLocations(location)
            .setCacheControl(CacheControl.maxAge(ONE_YEAR_IN_DAYS, TimeUnit.DAYS).cachePublic())
            .resourceChain(true)
            .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**")));
    }

}
