package org.gazette.article;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import org.gazette.SharedChanges;
import org.gazette.StartUpLock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:importer;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "spring.jpa.hibernate.ddl-auto=validate", "gazette.time-zone=America/Toronto" })
@Import({ ArticleImporter.class, SharedChanges.class })
class ArticleImporterTests {

    /** 02:00 UTC on 6 March 2024: still 5 March in Toronto. */
    static final Instant NOW = Instant.parse("2024-03-06T02:00:00Z");

    static final ZoneId TORONTO = ZoneId.of("America/Toronto");

    static final String SEED_SLUG = "as-talks-with-russia-halt-nato-chief-warns-of-new-war-in-europe";

    @Autowired
    ArticleImporter importer;

    @Autowired
    ArticleRepository articles;

    @Autowired
    TestEntityManager entityManager;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void importsSeedWithItsBodyInOrder() throws Exception {
        assertThat(this.importer.importCapture("nato-russia-talks.txt", CaptureParserTests.seed())).isPresent();
        this.entityManager.flush();
        this.entityManager.clear();

        Article article = this.articles.findWithBodyBySlug(SEED_SLUG).orElseThrow();
        assertThat(article.getHeadline()).isEqualTo("As talks with Russia halt, NATO chief warns of new war in Europe");
        assertThat(article.getSourceKey()).isEqualTo("nato-russia-talks.txt");
        assertThat(article.getSummary()).startsWith("The threat of another war in Europe is very real");
        assertThat(article.getCreatedAt()).isEqualTo(NOW);
        assertThat(article.getPublishedAt())
            .isEqualTo(ZonedDateTime.of(2022, 1, 12, 12, 0, 0, 0, TORONTO).toInstant())
            .isEqualTo(Instant.parse("2022-01-12T17:00:00Z"));
        assertThat(article.getBlocks()).hasSize(25);
        assertThat(article.getBlocks()).extracting(ArticleBlock::getBlockOrder)
            .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24);
        assertThat(article.getBlocks()).extracting(ArticleBlock::getKind)
            .containsExactly(BlockKind.PARAGRAPH, BlockKind.PARAGRAPH, BlockKind.PARAGRAPH, BlockKind.PARAGRAPH,
                    BlockKind.PARAGRAPH, BlockKind.PARAGRAPH, BlockKind.PARAGRAPH, BlockKind.PHOTO, BlockKind.PARAGRAPH,
                    BlockKind.PARAGRAPH, BlockKind.PARAGRAPH, BlockKind.SUBHEADING, BlockKind.PARAGRAPH,
                    BlockKind.PARAGRAPH, BlockKind.PHOTO, BlockKind.PARAGRAPH, BlockKind.PARAGRAPH, BlockKind.PARAGRAPH,
                    BlockKind.SUBHEADING, BlockKind.PARAGRAPH, BlockKind.PARAGRAPH, BlockKind.PARAGRAPH,
                    BlockKind.PARAGRAPH, BlockKind.PARAGRAPH, BlockKind.PARAGRAPH);
        assertThat(article.getBlocks().get(11).getText()).isEqualTo("“Important consequences” for Russia");
        assertThat(article.getBlocks().get(18).getText()).isEqualTo("Allies halt supplies of equipment to Ukraine");
        PhotoCaption photo = article.getBlocks().get(7).getPhoto();
        assertThat(photo.getCaption()).startsWith("NATO Secretary General").endsWith("January 12, 2022.");
        assertThat(photo.getCredit()).isEqualTo("Olivier Hoslet / Associated Press");
        assertThat(photo.hasImage()).isFalse();
        assertThat(article.getBlocks().get(14).getPhoto().getCredit()).isEqualTo("Sean Kilpatrick / The Canadian Press");
    }

    @Test
    void importsSameSourceOnlyOnce() throws Exception {
        String seed = CaptureParserTests.seed();
        assertThat(this.importer.importCapture("nato-russia-talks.txt", seed)).isPresent();
        assertThat(this.importer.importCapture("nato-russia-talks.txt", seed)).isEmpty();
        assertThat(this.articles.count()).isOne();
    }

    @Test
    void suffixesSlugTakenByAnotherArticle() {
        String capture = "Budget day\n\nThe budget is out.\n";
        assertThat(this.importer.importCapture("a.txt", capture)).get()
            .extracting(Article::getSlug)
            .isEqualTo("budget-day");
        assertThat(this.importer.importCapture("b.txt", "Budget day\n\nAnother take.\n")).get()
            .extracting(Article::getSlug)
            .isEqualTo("budget-day-2");
        assertThat(this.importer.importCapture("c.txt", "Budget  day!\n\nA third take.\n")).get()
            .extracting(Article::getSlug)
            .isEqualTo("budget-day-3");
        assertThat(this.articles.count()).isEqualTo(3);
    }

    @Test
    void datesCaptureWithoutHeaderOnImportDay() {
        Article article = this.importer.importCapture("undated.txt", "Undated\n\nText.\n").orElseThrow();
        assertThat(article.getPublishedAt()).isEqualTo(NOW);
        assertThat(LocalDate.ofInstant(article.getPublishedAt(), TORONTO)).isEqualTo(LocalDate.of(2024, 3, 5));
    }

    @Test
    void importsArticleWithHeadlineOnly() {
        this.importer.importCapture("bare.txt", "Bare headline");
        this.entityManager.flush();
        this.entityManager.clear();
        Article article = this.articles.findWithBodyBySlug("bare-headline").orElseThrow();
        assertThat(article.getBlocks()).isEmpty();
        assertThat(article.getSummary()).isEmpty();
    }

    @Test
    void refusesMalformedCaptureAndStoresNothing() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> this.importer.importCapture("bad.txt", "Dateline: soon\n---\nHeadline\n"))
            .withMessageContaining("Malformed Dateline");
        assertThat(this.articles.count()).isZero();
    }

    @Test
    void loadsBuiltInContentOnce() throws Exception {
        BuiltInContentLoader loader = new BuiltInContentLoader(this.importer, new StartUpLock(this.jdbc));
        loader.run(null);
        loader.run(null);
        assertThat(this.articles.findAll()).extracting(Article::getSlug, Article::getSourceKey)
            .containsExactly(tuple(SEED_SLUG, "nato-russia-talks.txt"));
    }

    @TestConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SiteProperties.class)
    static class Config {

        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }

    }

}
