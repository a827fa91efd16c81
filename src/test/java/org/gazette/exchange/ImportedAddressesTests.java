package org.gazette.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An imported comment keeps its client address only within the site's retention period
 * ({@code gazette.privacy.client-address-retention-days}, 90 days here as by default): the
 * address of a comment older than that is not stored, as it would be cleared within the
 * hour of any comment posted here.
 */
@SpringBootTest(properties = "gazette.privacy.client-address-retention-days=90")
class ImportedAddressesTests {

    private static final DateTimeFormatter WXR_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
        .withZone(ZoneOffset.UTC);

    @Autowired
    Imports imports;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path directory;

    @Test
    void anOldCommentArrivesWithoutItsAddressAndARecentOneKeepsIt() throws Exception {
        String recent = WXR_DATE.format(Instant.now().minus(3, ChronoUnit.DAYS));
        String text = fixture().replace("herald.example", "addresses.example")
            .replace("council-approves-the-new-river-bridge", "bridge-addresses")
            .replace("<wp:comment_date_gmt><![CDATA[2021-03-04 10:00:00]]>",
                    "<wp:comment_date_gmt><![CDATA[" + recent + "]]>");
        Path file = Files.writeString(this.directory.resolve("addresses.xml"), text, StandardCharsets.UTF_8);

        this.imports.run(file, ImportOptions.defaults(), ImportProgress.NONE);

        Map<String, Object> recentOne = comment("101");
        assertThat(recentOne).containsEntry("client_address", "192.0.2.10");
        assertThat(recentOne.get("client_network")).isNotNull();
        Map<String, Object> old = comment("102");
        assertThat(old).containsEntry("client_address", null).containsEntry("client_network", null);
        assertThat(this.jdbc.queryForObject("""
                select count(*) from comment
                 where source_key like 'wxr:addresses.example:comment:%' and client_address is not null""",
                Integer.class)).isOne();
    }

    private Map<String, Object> comment(String id) {
        return this.jdbc.queryForMap(
                "select client_address, client_network from comment where source_key = ?",
                "wxr:addresses.example:comment:" + id);
    }

    private static String fixture() throws IOException {
        try (InputStream in = new ClassPathResource("exchange/wordpress-1.2.xml").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

}
