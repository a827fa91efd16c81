package org.gazette.web;

import java.time.Instant;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import org.springframework.boot.info.BuildProperties;

import static org.assertj.core.api.Assertions.assertThat;

/** The release every page's ETag starts with: the same for one build on every node, new with every build. */
class PageReleaseTests {

    @Test
    void oneBuildNamesTheSameReleaseWhereverItRuns() {
        assertThat(PageVersions.release(build("1.4.0", "2026-12-05T02:00:00Z")))
            .isEqualTo(PageVersions.release(build("1.4.0", "2026-12-05T02:00:00Z")));
    }

    @Test
    void anotherBuildNamesAnotherRelease() {
        String release = PageVersions.release(build("1.4.0", "2026-12-05T02:00:00Z"));
        assertThat(PageVersions.release(build("1.4.0", "2026-12-05T03:00:00Z"))).isNotEqualTo(release);
        assertThat(PageVersions.release(build("1.5.0", "2026-12-05T02:00:00Z"))).isNotEqualTo(release);
    }

    @Test
    void withoutBuildInformationTheReleaseIsDev() {
        assertThat(PageVersions.release(null)).isEqualTo("dev");
    }

    private static BuildProperties build(String version, String time) {
        Properties properties = new Properties();
        properties.setProperty("version", version);
        properties.setProperty("time", Long.toString(Instant.parse(time).toEpochMilli()));
        return new BuildProperties(properties);
    }

}
