package org.gazette.comment;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.gazette.article.Article;
import org.gazette.article.ArticleBlock;
import org.gazette.article.ArticleRepository;
import org.gazette.article.BlockKind;
import org.gazette.article.PhotoCaption;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Flyway migrations run unchanged on PostgreSQL (the oldest major version Gazette
 * supports), Hibernate validates the mappings against the schema they make, articles and
 * comments survive a round trip, and every repository query of
 * {@link CommentRepositoryTests} gives the same answers as on H2.
 */
class PostgresMigrationTests extends CommentRepositoryTests {

    private static EmbeddedPostgres postgres;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private ArticleRepository articles;

    @Autowired
    private CommentRepository commentRepository;

    @Autowired
    private TestEntityManager entities;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void runsOnPostgresFifteenOrLater() {
        String product = this.jdbc.queryForObject("select version()", String.class);
        Integer version = this.jdbc.queryForObject("select current_setting('server_version_num')::int",
                Integer.class);

        assertThat(product).startsWith("PostgreSQL");
        assertThat(version).isGreaterThanOrEqualTo(150_000);
    }

    @Test
    void everyMigrationWasApplied() throws IOException {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        Resource[] portable = resolver.getResources("classpath:db/migration/V*.sql");
        Resource[] postgresOnly = resolver.getResources("classpath:db/vendor/postgresql/V*.sql");
        List<String> versions = Stream.concat(Arrays.stream(portable), Arrays.stream(postgresOnly))
            .map((script) -> script.getFilename().substring(1, script.getFilename().indexOf("__")))
            .sorted()
            .toList();

        List<String> applied = this.jdbc.queryForList(
                "select version from flyway_schema_history where success and version is not null "
                        + "order by installed_rank",
                String.class);

        assertThat(versions).isNotEmpty();
        assertThat(applied).containsExactlyInAnyOrderElementsOf(versions);
        assertThat(this.jdbc.queryForObject("select count(*) from flyway_schema_history where not success",
                Integer.class))
            .isZero();
    }

    @Test
    void articleWithItsBodyMakesTheRoundTrip() {
        Instant dateline = Instant.parse("2022-01-12T17:00:00Z");
        Article article = new Article("nato-talks", "As talks with Russia halt, NATO chief warns", dateline, dateline);
        String paragraph = "Stoltenberg’s warning came as the Trudeau government faces pressure — «quote» 😀.";
        article.addParagraph(paragraph);
        article.addSubheading("“Important consequences” for Russia");
        article.addPhoto(new PhotoCaption("Leaders arrive in Brussels.", "Olivier Hoslet / Associated Press",
                "/images/brussels.jpg", "Leaders walking into NATO headquarters"));
        article.addPhoto(new PhotoCaption("A photo without an image.", null));
        this.articles.saveAndFlush(article);
        this.entities.clear();

        Article loaded = this.articles.findWithBodyBySlug("nato-talks").orElseThrow();

        assertThat(loaded.getHeadline()).isEqualTo("As talks with Russia halt, NATO chief warns");
        assertThat(loaded.getPublishedAt()).isEqualTo(dateline);
        assertThat(loaded.isCommentsOpen()).isTrue();
        assertThat(loaded.getBlocks()).extracting(ArticleBlock::getKind)
            .containsExactly(BlockKind.PARAGRAPH, BlockKind.SUBHEADING, BlockKind.PHOTO, BlockKind.PHOTO);
        assertThat(loaded.getBlocks().get(0).getText()).isEqualTo(paragraph);
        PhotoCaption photo = loaded.getBlocks().get(2).getPhoto();
        assertThat(photo.getCaption()).isEqualTo("Leaders arrive in Brussels.");
        assertThat(photo.getCredit()).isEqualTo("Olivier Hoslet / Associated Press");
        assertThat(photo.getImageUrl()).isEqualTo("/images/brussels.jpg");
        assertThat(photo.getAltText()).isEqualTo("Leaders walking into NATO headquarters");
        assertThat(loaded.getBlocks().get(3).getPhoto().hasImage()).isFalse();
        assertThat(loaded.getSummary()).startsWith("Stoltenberg’s warning");
    }

    @Test
    void commentLifecycleIsStoredOnPostgres() {
        Article article = this.articles.saveAndFlush(new Article("lifecycle", "Lifecycle", T0, T0));
        Comment comment = this.commentRepository.saveAndFlush(new Comment(article, null,
                new Author("Ann", "ann@mail.example", null), "Held first",
                new Verdict(CommentStatus.PENDING, StatusReason.FIRST_TIME, null), "198.51.100.1", T0));
        comment.approve(T0.plusSeconds(60));
        comment.trash(T0.plusSeconds(120));
        this.commentRepository.saveAndFlush(comment);
        this.entities.clear();

        Comment loaded = this.commentRepository.findById(comment.getId()).orElseThrow();

        assertThat(loaded.getStatus()).isEqualTo(CommentStatus.TRASH);
        assertThat(loaded.getTrashedFrom()).isEqualTo(CommentStatus.APPROVED);
        assertThat(loaded.getStatusReason()).isEqualTo(StatusReason.EDITOR);
        assertThat(loaded.getUpdatedAt()).isEqualTo(T0.plusSeconds(120));
        assertThat(loaded.getVersion()).isEqualTo(1);
    }

}
