package org.gazette.exchange;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Reading an upload as it arrives: the file's bytes exactly, and refusals that leave nothing. */
class UploadSpoolTests {

    private static final String BOUNDARY = "----WebKitFormBoundaryAbC123";

    private static final String CONTENT_TYPE = "multipart/form-data; boundary=" + BOUNDARY;

    @TempDir
    Path directory;

    @Test
    void spoolsTheFileByteForByteWhateverItHolds() throws Exception {
        byte[] file = new byte[300_000];
        new Random(7).nextBytes(file);
        byte[] lookalike = ("\r\n--" + BOUNDARY.substring(0, 10)).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(lookalike, 0, file, 65_530, lookalike.length);

        UploadSpool.Spooled spooled = UploadSpool.spool(CONTENT_TYPE, slowly(form("C:\\fakepath\\wp export.xml", file)),
                "file", file.length, this.directory);

        assertThat(spooled.fileName()).isEqualTo("wp export.xml");
        assertThat(spooled.size()).isEqualTo(file.length);
        assertThat(Files.readAllBytes(spooled.path())).isEqualTo(file);
    }

    @Test
    void refusesAFileOverTheCapAndKeepsNothing() {
        assertThatExceptionOfType(UploadRefusedException.class)
            .isThrownBy(() -> UploadSpool.spool(CONTENT_TYPE, new ByteArrayInputStream(form("a.xml", new byte[1001])),
                    "file", 1000, this.directory))
            .satisfies((ex) -> assertThat(ex.reason()).isEqualTo(UploadRefusedException.Reason.TOO_LARGE));
        assertThat(this.directory).isEmptyDirectory();
    }

    @Test
    void refusesAFormWithoutAChosenFile() {
        assertThatExceptionOfType(UploadRefusedException.class)
            .isThrownBy(() -> UploadSpool.spool(CONTENT_TYPE, new ByteArrayInputStream(form("", new byte[0])), "file",
                    1000, this.directory))
            .satisfies((ex) -> assertThat(ex.reason()).isEqualTo(UploadRefusedException.Reason.NO_FILE));
    }

    @Test
    void refusesABodyCutShortAndKeepsNothing() {
        byte[] whole = form("a.xml", new byte[5000]);
        byte[] cut = java.util.Arrays.copyOf(whole, 3000);

        assertThatExceptionOfType(UploadRefusedException.class)
            .isThrownBy(() -> UploadSpool.spool(CONTENT_TYPE, new ByteArrayInputStream(cut), "file", 10_000,
                    this.directory))
            .satisfies((ex) -> assertThat(ex.reason()).isEqualTo(UploadRefusedException.Reason.NOT_A_FORM));
        assertThat(this.directory).isEmptyDirectory();
    }

    @Test
    void refusesWhatIsNotAForm() {
        assertThatExceptionOfType(UploadRefusedException.class).isThrownBy(() -> UploadSpool.spool(
                "application/x-www-form-urlencoded", new ByteArrayInputStream(new byte[0]), "file", 10, this.directory));
    }

    @Test
    void keepsOnlyASafeBaseName() {
        assertThat(UploadSpool.baseName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(UploadSpool.baseName("..")).isEqualTo("upload");
        assertThat(UploadSpool.baseName("a\u0000b<c>.xml")).isEqualTo("a_b_c_.xml");
    }

    private static byte[] form(String fileName, byte[] content) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\ntoken\r\n")
            .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/xml\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    /** A body that arrives in small, uneven pieces, as from a network. */
    private static InputStream slowly(byte[] bytes) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 777));
            }
        };
    }

}
