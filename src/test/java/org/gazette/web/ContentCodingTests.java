package org.gazette.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which coding a reader gets, read from Accept-Encoding with its quality values. */
class ContentCodingTests {

    @ParameterizedTest
    @ValueSource(strings = { "gzip", "GZIP", "gzip, deflate, br, zstd", "br;q=1.0, gzip;q=0.8", "*", "x-gzip",
            "identity;q=0.5, gzip", "gzip;q=0.001", " gzip ; q=1 ", "deflate, *;q=0.5" })
    void givesGzipWhenTheReaderTakesIt(String acceptEncoding) {
        assertThat(ContentCoding.chosenFor(acceptEncoding)).isEqualTo(ContentCoding.GZIP);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = { "", "identity", "gzip;q=0", "gzip;q=0.000", "GZIP;Q=0", "br, zstd", "deflate",
            "*;q=0, identity", "*, gzip;q=0", "gzip;q=0.5, identity", "gzip;q=abc", "gzip;q=2", "gzip;q=",
            ";;,,", "identity;q=0", "gzip;q=0, *", "identity;q=0, gzip;q=0" })
    void givesThePlainPageOtherwise(String acceptEncoding) {
        assertThat(ContentCoding.chosenFor(acceptEncoding)).isEqualTo(ContentCoding.IDENTITY);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "W/\"abc\"|W/\"abc\"|W/\"abc-gzip\"", "\"abc\"|\"abc\"|\"abc-gzip\"" })
    void marksTheEntityTagOfTheGzipRepresentationInsideItsQuotes(String plain, String identity, String gzip) {
        assertThat(ContentCoding.IDENTITY.tag(plain)).isEqualTo(identity);
        assertThat(ContentCoding.GZIP.tag(plain)).isEqualTo(gzip);
    }

}
