package org.gazette.moderation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gazette.Change;
import org.gazette.SharedChanges;
import org.gazette.article.Article;
import org.gazette.article.ArticleRepository;
import org.gazette.comment.Comment;
import org.gazette.comment.CommentRepository;
import org.gazette.comment.CommentRules;
import org.gazette.comment.CommentSettingsService;
import org.gazette.comment.CommentStatus;
import org.gazette.comment.StatusReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The settings page end to end: each setting an editor saves changes the outcome of
 * the very next comment posted, without a restart; every change is in the audit log;
 * a form saved over another editor's newer settings is refused.
 */
@SpringBootTest(properties = "gazette.moderation.mode=first-time")
@AutoConfigureMockMvc
class SettingsTests {

    private static final String SLUG = "as-talks-with-russia-halt-nato-chief-warns-of-new-war-in-europe";

    private static final Pattern COMMENT_ID = Pattern.compile("#comment-(\\d+)$");

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private CommentRepository comments;

    @Autowired
    private ArticleRepository articles;

    @Autowired
    private CommentSettingsService settingsService;

    @Autowired
    private SharedChanges changes;

    @Autowired
    private AuditLog audit;

    @Autowired
    private JdbcTemplate jdbc;

    /** Back to the property defaults and an open article, for the next test. */
    @AfterEach
    void restoreDefaults() {
        this.jdbc.update("update comment_settings set moderation_mode = null, max_links = null, "
                + "close_after_days = null, disallowed_words = '', moderation_words = ''");
        this.jdbc.update("update article set comments_open = true");
        this.changes.publish(Change.everything());
    }

    @Test
    void theFormShowsTheRulesInForce() {
        assertThat(this.mvc.get().uri("/moderation/settings").with(editor())).hasStatusOk()
            .bodyText()
            .contains("Comment settings", "Takes comments", "name=\"_csrf\"", "name=\"version\"")
            .containsPattern("value=\"FIRST_TIME\"[^>]*checked")
            .containsPattern("name=\"maxLinks\" value=\"2\"");
    }

    @Test
    void modeAllHoldsEvenAKnownCommenter() {
        save(Map.of("mode", "NONE"));
        Comment first = post("Ann", "ann-" + UUID.randomUUID() + "@example.com", "A first thought.");
        assertThat(first.getStatus()).isEqualTo(CommentStatus.APPROVED);
        save(Map.of("mode", "FIRST_TIME"));
        Comment second = post("Ann", first.getAuthorEmail(), "A second thought.");
        assertThat(second.getStatusReason()).isEqualTo(StatusReason.KNOWN_COMMENTER);
        save(Map.of("mode", "ALL"));
        Comment third = post("Ann", first.getAuthorEmail(), "A third thought.");
        assertThat(third.getStatus()).isEqualTo(CommentStatus.PENDING);
        assertThat(third.getStatusReason()).isEqualTo(StatusReason.MODERATION_ALL);
    }

    @Test
    void aModerationWordHoldsTheNextComment() {
        save(Map.of("mode", "NONE", "moderationWords", "Casino\r\n\r\nlottery"));
        Comment held = post("Bo", uniqueEmail(), "Join my CASINO night.");
        assertThat(held.getStatus()).isEqualTo(CommentStatus.PENDING);
        assertThat(held.getStatusReason()).isEqualTo(StatusReason.MODERATION_WORD);
        assertThat(held.getStatusDetail()).isEqualTo("casino");
        assertThat(post("Bo", uniqueEmail(), "Nothing to see.").getStatus()).isEqualTo(CommentStatus.APPROVED);
    }

    @Test
    void aDisallowedWordSendsTheNextCommentToSpam() {
        save(Map.of("mode", "NONE", "disallowedWords", "viagra"));
        Comment spam = post("Cy", uniqueEmail(), "Cheap Viagra here");
        assertThat(spam.getStatus()).isEqualTo(CommentStatus.SPAM);
        assertThat(spam.getStatusReason()).isEqualTo(StatusReason.DISALLOWED_WORD);
    }

    @Test
    void theLinkLimitHoldsTheNextCommentOverIt() {
        save(Map.of("mode", "NONE", "maxLinks", "0"));
        Comment held = post("Di", uniqueEmail(), "See https://example.com/report");
        assertThat(held.getStatus()).isEqualTo(CommentStatus.PENDING);
        assertThat(held.getStatusReason()).isEqualTo(StatusReason.TOO_MANY_LINKS);
        save(Map.of("mode", "NONE", "maxLinks", "1"));
        assertThat(post("Di", uniqueEmail(), "See https://example.com/other").getStatus())
            .isEqualTo(CommentStatus.APPROVED);
    }

    @Test
    void closingAfterDaysClosesTheSeedArticleFrom2022() {
        save(Map.of("closeAfterDays", "30"));
        assertThat(postForm("Ed", uniqueEmail(), "Too late?")).hasStatus(HttpStatus.FORBIDDEN)
            .bodyText()
            .contains("Comments are closed on this article.");
        assertThat(this.mvc.get().uri("/moderation/settings").with(editor())).bodyText()
            .contains("Closed by the days rule since February 11, 2022.");
        save(Map.of("closeAfterDays", "0"));
        assertThat(postForm("Ed", uniqueEmail(), "Open again?")).hasStatus(HttpStatus.SEE_OTHER);
    }

    @Test
    void closingAnArticleRefusesTheNextCommentAndIsLogged() {
        long id = seed().getId();
        MvcTestResult saved = this.mvc.post()
            .uri("/moderation/settings")
            .with(editor())
            .with(csrf())
            .params(form(Map.of()))
            .param("shownArticles", Long.toString(id))
            .param("seenOpenArticles", Long.toString(id))
            .exchange();
        assertThat(saved).hasStatus(HttpStatus.SEE_OTHER).hasRedirectedUrl("/moderation/settings");
        assertThat(seed().isCommentsOpen()).isFalse();
        assertThat(postForm("Flo", uniqueEmail(), "Hello?")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(lines(AuditAction.ARTICLE_COMMENTS_CHANGE)).anySatisfy((line) -> {
            assertThat(line.getArticleId()).isEqualTo(id);
            assertThat(line.getFromStatus()).isEqualTo("open");
            assertThat(line.getToStatus()).isEqualTo("closed");
            assertThat(line.getEditor()).isEqualTo("desk-editor");
        });

        this.mvc.post()
            .uri("/moderation/settings")
            .with(editor())
            .with(csrf())
            .params(form(Map.of()))
            .param("shownArticles", Long.toString(id))
            .param("openArticles", Long.toString(id))
            .exchange();
        assertThat(postForm("Flo", uniqueEmail(), "Hello again")).hasStatus(HttpStatus.SEE_OTHER);
    }

    @Test
    void anArticleBoxLeftAloneDoesNotUndoAnotherEditorsChange() {
        long id = seed().getId();
        MultiValueMap<String, String> seen = form(Map.of("moderationWords", "spoiler"));
        Article article = seed();
        article.setCommentsOpen(false, article.getUpdatedAt());
        this.articles.saveAndFlush(article);
        this.mvc.post()
            .uri("/moderation/settings")
            .with(editor())
            .with(csrf())
            .params(seen)
            .param("shownArticles", Long.toString(id))
            .param("seenOpenArticles", Long.toString(id))
            .param("openArticles", Long.toString(id))
            .exchange();
        assertThat(seed().isCommentsOpen()).isFalse();
        assertThat(this.settingsService.rules().moderationWords()).containsExactly("spoiler");
    }

    @Test
    void everyChangeIsLoggedReadablyAndNothingIsLoggedWhenNothingChanged() {
        long before = this.settingsService.settings().getVersion();
        MvcTestResult saved = save(Map.of("mode", "ALL", "moderationWords", "casino\nlottery", "maxLinks", "4"));
        assertThat(saved).flash().containsEntry("notice",
                "Settings saved: 1 change. They apply to the next comment posted.");
        assertThat(lines(AuditAction.SETTINGS_CHANGE).get(0).getDetail())
            .isEqualTo("Moderation mode: first-time \u2192 all; Link limit: 2 \u2192 4; "
                    + "Moderation words added: \u201Ccasino\u201D, \u201Clottery\u201D");
        int logged = lines(AuditAction.SETTINGS_CHANGE).size();
        long version = this.settingsService.settings().getVersion();
        assertThat(version).isGreaterThan(before);

        assertThat(save(Map.of("mode", "ALL", "moderationWords", "lottery\nCASINO", "maxLinks", "4"))).flash()
            .containsEntry("notice", "Nothing to save: the settings were already like that.");
        assertThat(lines(AuditAction.SETTINGS_CHANGE)).hasSize(logged);
        assertThat(this.settingsService.settings().getVersion()).isEqualTo(version);
    }

    @Test
    void aStaleFormIsRefusedWithTheCurrentValuesAndWhatWasNotSaved() {
        long stale = this.settingsService.settings().getVersion();
        save(Map.of("moderationWords", "from-the-other-editor"));
        MvcTestResult refused = this.mvc.post()
            .uri("/moderation/settings")
            .with(editor())
            .with(csrf())
            .params(form(Map.of("mode", "ALL", "moderationWords", "mine", "version", Long.toString(stale))))
            .exchange();
        assertThat(refused).hasStatus(HttpStatus.CONFLICT)
            .bodyText()
            .contains("The settings were changed by another editor", "from-the-other-editor",
                    "Moderation mode: first-time \u2192 all",
                    "name=\"version\" value=\"" + this.settingsService.settings().getVersion() + "\"");
        assertThat(this.settingsService.rules().moderationWords()).containsExactly("from-the-other-editor");
        assertThat(this.settingsService.rules().mode().key()).isEqualTo("first-time");
    }

    @Test
    void refusesValuesOutOfRangeBesideTheirFields() {
        long version = this.settingsService.settings().getVersion();
        MvcTestResult refused = this.mvc.post()
            .uri("/moderation/settings")
            .with(editor())
            .with(csrf())
            .params(form(Map.of("maxLinks", "51", "closeAfterDays", "soon", "moderationWords", "kept")))
            .exchange();
        assertThat(refused).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY)
            .bodyText()
            .contains("There is a problem", "Enter a whole number from 0 to 50.",
                    "Enter a whole number of days from 0 to 3650.", "value=\"51\"", ">kept</textarea>");
        assertThat(this.settingsService.settings().getVersion()).isEqualTo(version);
        assertThat(this.settingsService.rules().maxLinks()).isEqualTo(2);
    }

    @Test
    void articlePagesOutOfRangeAre404() {
        assertThat(this.mvc.get().uri("/moderation/settings?page=0").with(editor())).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(this.mvc.get().uri("/moderation/settings?page=9").with(editor())).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(this.mvc.get().uri("/moderation/settings?page=x").with(editor()))
            .hasStatus(HttpStatus.BAD_REQUEST);
    }

    /** Saves the rules with the current version, the given values over the ones in force. */
    private MvcTestResult save(Map<String, String> values) {
        MvcTestResult result = this.mvc.post()
            .uri("/moderation/settings")
            .with(editor())
            .with(csrf())
            .params(form(values))
            .exchange();
        assertThat(result).hasStatus(HttpStatus.SEE_OTHER);
        return result;
    }

    private MultiValueMap<String, String> form(Map<String, String> values) {
        CommentRules rules = this.settingsService.rules();
        Map<String, String> form = new HashMap<>(Map.of("mode", rules.mode().name(), "maxLinks",
                Integer.toString(rules.maxLinks()), "closeAfterDays", Integer.toString(rules.closeAfterDays()),
                "disallowedWords", String.join("\n", rules.disallowedWords()), "moderationWords",
                String.join("\n", rules.moderationWords()), "version",
                Long.toString(this.settingsService.settings().getVersion())));
        form.putAll(values);
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        form.forEach(params::add);
        return params;
    }

    private MvcTestResult postForm(String name, String email, String text) {
        return this.mvc.post()
            .uri("/articles/{slug}/comments", SLUG)
            .param("comment", text)
            .param("author", name)
            .param("email", email)
            .exchange();
    }

    private Comment post(String name, String email, String text) {
        MvcTestResult posted = postForm(name, email, text);
        assertThat(posted).hasStatus(HttpStatus.SEE_OTHER);
        Matcher id = COMMENT_ID.matcher(posted.getResponse().getRedirectedUrl());
        assertThat(id.find()).isTrue();
        return this.comments.findById(Long.parseLong(id.group(1))).orElseThrow();
    }

    private Article seed() {
        return this.articles.findBySlug(SLUG).orElseThrow();
    }

    private List<ModerationEvent> lines(AuditAction action) {
        return this.audit.search(null, action, PageRequest.of(0, 500)).getContent();
    }

    private static String uniqueEmail() {
        return UUID.randomUUID() + "@example.com";
    }

    private static RequestPostProcessor editor() {
        return user("desk-editor").roles("EDITOR");
    }

}
