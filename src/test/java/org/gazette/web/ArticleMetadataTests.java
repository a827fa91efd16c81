package org.gazette.web;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;

import org.gazette.article.Article;
import org.gazette.article.Dates;
import org.gazette.article.SiteProperties;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The canonical address and the JSON-LD block: the block is printed raw inside a
 * {@code <script>} element, so nothing in an article may close that element or open a
 * comment, whatever its headline says.
 */
class ArticleMetadataTests {

    private static final Instant NOON_UTC = Instant.parse("2022-01-12T12:00:00Z");

    private final JsonMapper json = JsonMapper.builder().build();

    private final ArticleMetadata metadata = metadata("https://news.example/");

    @Test
    void jsonLdCannotCloseTheScriptElement() {
        String headline = "</script><script>alert(1)</script> <!-- \"quoted\" & 'single' \u2028 </SCRIPT >";
        Article article = article("hostile", headline, "Summary with </script> too");

        String block = this.metadata.jsonLd(article);

        assertThat(block).doesNotContain("<").doesNotContain(">");
        JsonNode data = this.json.readTree(block);
        assertThat(data.get("headline").asString()).isEqualTo(headline);
        assertThat(data.get("description").asString()).isEqualTo("Summary with </script> too");
    }

    @Test
    void jsonLdDescribesANewsArticle() {
        Article article = article("council-vote", "Council votes", "The council voted.");

        JsonNode data = this.json.readTree(this.metadata.jsonLd(article));

        assertThat(data.get("@context").asString()).isEqualTo("https://schema.org");
        assertThat(data.get("@type").asString()).isEqualTo("NewsArticle");
        assertThat(data.get("headline").asString()).isEqualTo("Council votes");
        assertThat(data.get("datePublished").asString()).isEqualTo("2022-01-12T07:00:00-05:00");
        assertThat(data.get("mainEntityOfPage").asString()).isEqualTo("https://news.example/articles/council-vote");
        assertThat(data.get("publisher").get("name").asString()).isEqualTo("Gazette");
    }

    @Test
    void canonicalAddressIsUnderTheConfiguredOrigin() {
        Article article = article("council-vote", "Council votes", "The council voted.");

        assertThat(this.metadata.canonicalUrl(article)).isEqualTo("https://news.example/articles/council-vote");
        assertThat(metadata("http://localhost:8080").canonicalUrl(article))
            .isEqualTo("http://localhost:8080/articles/council-vote");
    }

    private static ArticleMetadata metadata(String baseUrl) {
        SiteProperties site = new SiteProperties(URI.create(baseUrl), ZoneId.of("America/Toronto"));
        return new ArticleMetadata(site, new Dates(site), JsonMapper.builder().build());
    }

    private static Article article(String slug, String headline, String paragraph) {
        Article article = new Article(slug, headline, NOON_UTC, NOON_UTC);
        article.addParagraph(paragraph);
        return article;
    }

}
