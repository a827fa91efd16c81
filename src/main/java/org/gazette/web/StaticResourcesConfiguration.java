package org.gazette.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.EncodedResourceResolver;
import org.springframework.web.servlet.resource.HttpResource;
import org.springframework.web.servlet.resource.ResourceTransformerChain;
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
 * content strategy property keeps Boot's link-rewriting filter. A reader who takes gzip
 * gets the {@code .gz} copy the build writes beside each stylesheet and script (the
 * {@code maven-antrun-plugin} step in {@code pom.xml}), never compressed per request.
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
            .setEtagGenerator(StaticResourcesConfiguration::etag)
            .resourceChain(true)
            .addResolver(new EncodedResourceResolver())
            .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"))
            .addTransformer(CodingTaggedResource::new));
    }

    /** {@code Vary: Accept-Encoding} on every answer for a static file, 304s included. */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {

            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
                return true;
            }

        }).addPathPatterns(List.copyOf(LOCATIONS.keySet()));
    }

    /** The entity tag {@link CodingTaggedResource} gives the file served. */
    private static String etag(Resource resource) {
        return (resource instanceof HttpResource http) ? http.getResponseHeaders().getETag() : null;
    }

    /**
     * A static file as served, with an entity tag of its coding's own: the content
     * version's tag (or, for a name without a version, the file's time and length) with
     * the coding inside the quotes ({@code W/"...-gzip"}), so that the plain file and its
     * gzip copy are each revalidated with their own tag only. Spring's versioned files
     * otherwise carry the same tag in both codings.
     */
    private static final class CodingTaggedResource extends AbstractResource implements HttpResource {

        private final Resource resource;

        private final HttpHeaders headers = new HttpHeaders();

        CodingTaggedResource(HttpServletRequest request, Resource resource, ResourceTransformerChain chain)
                throws IOException {
            this.resource = chain.transform(request, resource);
            if (this.resource instanceof HttpResource http) {
                this.headers.putAll(http.getResponseHeaders());
            }
            String tag = this.headers.getETag();
            if (tag == null) {
                tag = "W/\"" + Long.toHexString(this.resource.lastModified()) + "-"
                        + Long.toHexString(this.resource.contentLength()) + "\"";
            }
            String coding = this.headers.getFirst(HttpHeaders.CONTENT_ENCODING);
            if (coding != null) {
                tag = tag.substring(0, tag.length() - 1) + "-" + coding + "\"";
            }
            this.headers.setETag(tag);
        }

        @Override
        public HttpHeaders getResponseHeaders() {
            return this.headers;
        }

        @Override
        public boolean exists() {
            return this.resource.exists();
        }

        @Override
        public URL getURL() throws IOException {
            return this.resource.getURL();
        }

        @Override
        public long contentLength() throws IOException {
            return this.resource.contentLength();
        }

        @Override
        public long lastModified() throws IOException {
            return this.resource.lastModified();
        }

        @Override
        public Resource createRelative(String relativePath) throws IOException {
            return this.resource.createRelative(relativePath);
        }

        @Override
        public String getFilename() {
            return this.resource.getFilename();
        }

        @Override
        public String getDescription() {
            return this.resource.getDescription();
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return this.resource.getInputStream();
        }

    }

}
