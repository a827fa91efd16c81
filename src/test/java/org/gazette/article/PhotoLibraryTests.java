package org.gazette.article;

import java.time.Clock;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The library keeps each photo once, under the hash of its cleaned bytes, and finds it
 * again only by the exact name it is served under.
 */
@DataJpaTest(properties = "gazette.photos.max-bytes=1MB")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({ PhotoLibrary.class, PhotoLibraryTests.Settings.class })
class PhotoLibraryTests {

    @Autowired
    private PhotoLibrary library;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void storesAPhotoOnceAndServesItByItsHash() {
        byte[] upload = TestPhotos.jpegWithCameraAndGps(90, 60);

        StoredPhoto first = this.library.store("harbour.jpg", upload);
        StoredPhoto again = this.library.store("harbour-copy.JPG", upload);

        assertThat(first.url()).matches("/media/[0-9a-f]{64}\\.jpg");
        assertThat(first).isEqualTo(new StoredPhoto(first.url(), 90, 60, "image/jpeg"));
        assertThat(again).isEqualTo(first);
        assertThat(this.jdbc.queryForObject("SELECT count(*) FROM photo_image", Integer.class)).isOne();
        PhotoFile file = this.library.find(first.url().substring("/media/".length())).orElseThrow();
        assertThat(file.mediaType()).isEqualTo("image/jpeg");
        assertThat(PhotoIntake.sha256(file.bytes())).isEqualTo(file.sha256());
        assertThat(TestPhotos.contains(file.bytes(), TestPhotos.CAMERA_MAKE)).isFalse();
    }

    @Test
    void findsNothingUnderAnotherExtensionOrAMalformedName() {
        StoredPhoto stored = this.library.store("chart.png", TestPhotos.png(30, 20));
        String hash = stored.url().substring("/media/".length(), stored.url().lastIndexOf('.'));

        assertThat(this.library.find(hash + ".png")).isPresent();
        assertThat(this.library.find(hash + ".jpg")).isEmpty();
        assertThat(this.library.find(hash.toUpperCase() + ".png")).isEmpty();
        assertThat(this.library.find(hash)).isEmpty();
        assertThat(this.library.find("0".repeat(64) + ".png")).isEmpty();
        assertThat(this.library.find("../" + hash + ".png")).isEmpty();
    }

    @Test
    void refusesWithTheConfiguredSizeCap() {
        assertThatExceptionOfType(PhotoRefusedException.class)
            .isThrownBy(() -> this.library.store("big.png", new byte[2 * 1024 * 1024]))
            .withMessage("The file is 2.0 MB; a photo may be at most 1.0 MB.");
        assertThat(this.jdbc.queryForObject("SELECT count(*) FROM photo_image", Integer.class)).isZero();
    }

    @TestConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PhotoProperties.class)
    static class Settings {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

    }

}
