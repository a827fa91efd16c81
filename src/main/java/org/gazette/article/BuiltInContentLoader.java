package org.gazette.article;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

import org.gazette.StartUpLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports the built-in articles, {@code content/*.txt} on the class path, at start-up.
 * Each file's name is its source key, so a file already imported is skipped and a fresh
 * database gets them all, once even when several nodes start together (the work runs
 * under the {@link StartUpLock}). A built-in file that cannot be parsed stops the start-up.
 */
@Component
class BuiltInContentLoader implements ApplicationRunner {

    static final String LOCATION = ResourcePatternResolver.CLASSPATH_ALL_URL_PREFIX + "content/*.txt";

    private static final Logger logger = LoggerFactory.getLogger(BuiltInContentLoader.class);

    private final ArticleImporter importer;

    private final ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

    private final StartUpLock startUpLock;

    BuiltInContentLoader(ArticleImporter importer, StartUpLock startUpLock) {
        this.importer = importer;
        this.startUpLock = startUpLock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        this.startUpLock.hold();
        Resource[] resources = this.resolver.getResources(LOCATION);
        Arrays.sort(resources, Comparator.comparing(Resource::getFilename));
        for (Resource resource : resources) {
            load(resource);
        }
    }

    private void load(Resource resource) throws IOException {
        String key = resource.getFilename();
        String text = resource.getContentAsString(StandardCharsets.UTF_8);
        try {
            this.importer.importCapture(key, text)
                .ifPresent((article) -> logger.info("Imported built-in article '{}' from {}", article.getSlug(), key));
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalStateException("Built-in content " + resource.getDescription() + " cannot be imported: "
                    + ex.getMessage(), ex);
        }
    }

}
