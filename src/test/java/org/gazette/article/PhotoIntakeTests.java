package org.gazette.article;

import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.gazette.article.TestPhotos.ascii;
import static org.gazette.article.TestPhotos.concat;
import static org.gazette.article.TestPhotos.contains;
import static org.gazette.article.TestPhotos.slice;

/**
 * What an editor's upload must be to become a photo readers see, and what is left of it:
 * real files written by ImageIO, given metadata and tricks by hand.
 */
class PhotoIntakeTests {

    private static final long TEN_MB = 10L * 1024 * 1024;

    private final PhotoIntake intake = new PhotoIntake(TEN_MB);

    @Test
    void keepsAJpegAsAJpegWithItsSize() {
        CleanPhoto photo = this.intake.accept("harbour.jpg", TestPhotos.jpeg(320, 200));

        assertThat(photo.mediaType()).isEqualTo("image/jpeg");
        assertThat(photo.extension()).isEqualTo("jpg");
        assertThat(photo.width()).isEqualTo(320);
        assertThat(photo.height()).isEqualTo(200);
        BufferedImage decoded = TestPhotos.read(photo.bytes());
        assertThat(decoded.getWidth()).isEqualTo(320);
        assertThat(decoded.getHeight()).isEqualTo(200);
        assertThat(photo.sha256()).hasSize(64).isEqualTo(PhotoIntake.sha256(photo.bytes()));
    }

    @Test
    void keepsAPngAsAPng() {
        CleanPhoto photo = this.intake.accept("Chart.PNG", TestPhotos.png(64, 48));

        assertThat(photo.mediaType()).isEqualTo("image/png");
        assertThat(photo.extension()).isEqualTo("png");
        assertThat(TestPhotos.read(photo.bytes()).getWidth()).isEqualTo(64);
    }

    @Test
    void stripsTheCameraAndGpsFromAJpeg() {
        byte[] upload = TestPhotos.jpegWithCameraAndGps(120, 80);
        assertThat(contains(upload, "Exif")).isTrue();
        assertThat(contains(upload, TestPhotos.CAMERA_MAKE)).isTrue();
        assertThat(contains(upload, "GPSLatitude")).isTrue();

        CleanPhoto photo = this.intake.accept("phone.jpeg", upload);

        assertThat(contains(photo.bytes(), "Exif")).isFalse();
        assertThat(contains(photo.bytes(), TestPhotos.CAMERA_MAKE)).isFalse();
        assertThat(contains(photo.bytes(), "GPS")).isFalse();
        assertThat(contains(photo.bytes(), "xmpmeta")).isFalse();
        assertThat(TestPhotos.read(photo.bytes()).getWidth()).isEqualTo(120);
    }

    @Test
    void stripsTextChunksFromAPng() {
        byte[] upload = TestPhotos.pngWithText(40, 30, "Comment", "Taken at 45.5N 75.7W");

        CleanPhoto photo = this.intake.accept("map.png", upload);

        assertThat(contains(photo.bytes(), "tEXt")).isFalse();
        assertThat(contains(photo.bytes(), "45.5N")).isFalse();
        assertThat(TestPhotos.read(photo.bytes()).getHeight()).isEqualTo(30);
    }

    @Test
    void theSameUploadGivesTheSameBytes() {
        byte[] upload = TestPhotos.jpegWithCameraAndGps(50, 50);

        assertThat(this.intake.accept("a.jpg", upload).sha256()).isEqualTo(this.intake.accept("b.jpg", upload).sha256());
    }

    @Test
    void refusesAPngRenamedJpg() {
        assertRefused("holiday.jpg", TestPhotos.png(20, 20), "The file is a PNG image but its name says JPEG.");
    }

    @Test
    void refusesAJpegRenamedPng() {
        assertRefused("holiday.png", TestPhotos.jpeg(20, 20), "The file is a JPEG image but its name says PNG.");
    }

    @Test
    void refusesANameWithoutAnImageExtension() {
        assertRefused("holiday.gif", TestPhotos.jpeg(20, 20),
                "The file's name must end in .jpg, .jpeg, .png or .webp.");
        assertRefused("holiday", TestPhotos.jpeg(20, 20), "The file's name must end in .jpg, .jpeg, .png or .webp.");
    }

    @Test
    void refusesWhatIsNoImageWhateverItsName() {
        assertRefused("page.jpg", ascii("<!DOCTYPE html><html><script>alert(1)</script></html>"),
                "The file is not a JPEG, PNG or WebP image.");
        assertRefused("anim.png", ascii("GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;"),
                "The file is not a JPEG, PNG or WebP image (it is a GIF image).");
        assertRefused("photo.jpg", TestPhotos.zip("a.txt", "hello"),
                "The file is not a JPEG, PNG or WebP image (it is a ZIP archive or office document).");
    }

    @Test
    void refusesAJpegWithAZipAppended() {
        byte[] polyglot = concat(TestPhotos.jpeg(30, 30), TestPhotos.zip("payload.html", "<script>1</script>"));

        assertRefused("photo.jpg", polyglot,
                "The file has other data after the end of the JPEG image; save the photo again from an image editor.");
    }

    @Test
    void refusesAJpegWithHtmlAppended() {
        byte[] polyglot = concat(TestPhotos.jpeg(30, 30), ascii("<html><body><script>alert(1)</script>"));

        assertRefused("photo.jpg", polyglot,
                "The file has other data after the end of the JPEG image; save the photo again from an image editor.");
    }

    @Test
    void refusesAPngWithDataAfterItsEnd() {
        byte[] polyglot = concat(TestPhotos.png(30, 30), ascii("<?php system($_GET['c']); ?>"));

        assertRefused("photo.png", polyglot,
                "The file has other data after the end of the PNG image; save the photo again from an image editor.");
    }

    @Test
    void refusesAnImageThatCarriesAPageInside() {
        byte[] polyglot = TestPhotos.pngWithText(30, 30, "Comment", "<html><script>alert(1)</script></html>");

        assertRefused("photo.png", polyglot, "The file carries web page, script or archive content inside the PNG "
                + "image; save the photo again from an image editor.");
    }

    @Test
    void refusesATruncatedJpeg() {
        byte[] whole = TestPhotos.jpeg(200, 200);

        assertRefused("cut.jpg", slice(whole, 0, whole.length / 2),
                "The file is incomplete: the JPEG image stops before its end; upload the original file again.");
        assertRefused("cut.jpg", slice(whole, 0, whole.length - 2),
                "The file is incomplete: the JPEG image stops before its end; upload the original file again.");
    }

    @Test
    void refusesATruncatedPng() {
        byte[] whole = TestPhotos.png(200, 200);

        assertRefused("cut.png", slice(whole, 0, whole.length - 12),
                "The file is incomplete: the PNG image stops before its end; upload the original file again.");
        assertRefused("cut.png", slice(whole, 0, 40),
                "The file is incomplete: the PNG image stops before its end; upload the original file again.");
    }

    @Test
    void refusesAPngWhoseImageDataIsBroken() {
        byte[] whole = TestPhotos.png(50, 50);
        byte[] broken = whole.clone();
        for (int i = 45; i < whole.length - 20; i++) {
            broken[i] = (byte) 0x5A;
        }
        int idat = 33;
        byte[] rebuilt = concat(slice(whole, 0, idat),
                TestPhotos.chunk("IDAT", slice(broken, idat + 8, idat + 8 + 40)), TestPhotos.chunk("IEND", new byte[0]));

        assertRefused("broken.png", rebuilt,
                "The PNG image is damaged or incomplete and cannot be read; upload the original file again.");
    }

    @Test
    void refusesAFileOverTheSizeCap() {
        PhotoIntake small = new PhotoIntake(2048);
        byte[] large = TestPhotos.png(300, 300);
        assertThat(large.length).isGreaterThan(2048);

        assertThatExceptionOfType(PhotoRefusedException.class).isThrownBy(() -> small.accept("big.png", large))
            .withMessageStartingWith("The file is ")
            .withMessageEndingWith("; a photo may be at most 2 KB.");
        assertThatExceptionOfType(PhotoRefusedException.class)
            .isThrownBy(() -> this.intake.accept("huge.jpg", new byte[(int) TEN_MB + 1]))
            .withMessage("The file is 10.0 MB; a photo may be at most 10.0 MB.");
    }

    @Test
    void refusesADecompressionBombByItsHeader() {
        assertRefused("bomb.png", TestPhotos.pngClaiming(9_000, 9_000), "The image is 9000 × 9000 pixels; a photo "
                + "may be at most 10000 pixels on a side and 40 megapixels in all.");
        assertRefused("bomb.png", TestPhotos.pngClaiming(60_000, 60_000), "The image is 60000 × 60000 pixels; a "
                + "photo may be at most 10000 pixels on a side and 40 megapixels in all.");
        assertRefused("strip.png", TestPhotos.pngClaiming(12_000, 2), "The image is 12000 × 2 pixels; a photo may "
                + "be at most 10000 pixels on a side and 40 megapixels in all.");
    }

    @Test
    void refusesAnEmptyFile() {
        assertRefused("empty.jpg", new byte[0], "The file is empty.");
    }

    private void assertRefused(String name, byte[] bytes, String message) {
        assertThatExceptionOfType(PhotoRefusedException.class).isThrownBy(() -> this.intake.accept(name, bytes))
            .withMessage(message);
    }

}
