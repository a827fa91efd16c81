package org.gazette.web;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Static files keep their content-hashed names and their year-long caching under their
 * own paths, and a page's own links are not taken for static files.
 */
@ReaderSideTest
class StaticResourcesTests {

    private static final Pattern STYLESHEET = Pattern.compile("href=\"(/css/gazette-[0-9a-f]{32}\\.css)\"");

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private ResourceUrlProvider resources;

    @Test
    void pagesLinkContentHashedAssetsCachedForAYear() throws Exception {
        String front = this.mvc.get().uri("/").exchange().getResponse().getContentAsString();
        Matcher link = STYLESHEET.matcher(front);
        assertThat(link.find()).as("hashed stylesheet link in %s", front).isTrue();

        MvcTestResult stylesheet = this.mvc.get().uri(link.group(1)).exchange();

        assertThat(stylesheet).hasStatusOk();
        assertThat(stylesheet.getResponse().getHeader("Cache-Control")).contains("max-age=31536000", "public");
        assertThat(stylesheet.getResponse().getContentAsString()).isNotBlank();
        assertThat(this.mvc.get().uri("/css/gazette.css").exchange()).hasStatusOk();
        assertThat(this.mvc.get().uri("/js/gazette.js").exchange()).hasStatusOk();
        assertThat(this.mvc.get().uri("/favicon.ico").exchange()).hasStatusOk();
    }

    @Test
    void everyStylesheetAndScriptIsPackagedWithItsGzipCopy() throws Exception {
        PathMatchingResourcePatternResolver classpath = new PathMatchingResourcePatternResolver();
        List<Resource> files = new ArrayList<>();
        files.addAll(List.of(classpath.getResources("classpath:/static/**/*.css")));
        files.addAll(List.of(classpath.getResources("classpath:/static/**/*.js")));
        assertThat(files).isNotEmpty();
        for (Resource file : files) {
            Resource copy = file.createRelative(file.getFilename() + ".gz");
            assertThat(copy.exists()).as("%s.gz", file.getFilename()).isTrue();
            try (InputStream in = new GZIPInputStream(copy.getInputStream())) {
                assertThat(in.readAllBytes()).as("%s.gz", file.getFilename()).isEqualTo(file.getContentAsByteArray());
            }
        }
    }

    @Test
    void aPathThatIsNoFileIsNotFound() {
        assertThat(this.mvc.get().uri("/css/no-such-file.css").exchange()).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void pageLinksAreNotLookedUpAmongTheStaticFiles() {
        assertThat(this.resources.getHandlerMap().keySet()).containsExactlyInAnyOrderElementsOf(
                StaticResourcesConfiguration.LOCATIONS.keySet());
        assertThat(this.resources.getForLookupPath("/moderation")).isNull();
        assertThat(this.resources.getForLookupPath("/css/gazette.css")).matches("/css/gazette-[0-9a-f]{32}\\.css");
    }

}
