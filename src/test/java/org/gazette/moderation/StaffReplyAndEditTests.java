package org.gazette.moderation;

import org.gazette.comment.CommentService;
import org.gazette.comment.CommentStatus;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** Editors write too: staff replies published at once, and corrections with the original kept in the log. */
@SpringBootTest
@AutoConfigureMockMvc
class StaffReplyAndEditTests {

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private ModerationService moderation;

    private DeskFixtures fixtures;

    @BeforeEach
    void cleanSlate(@Autowired CommentService comments, @Autowired ApplicationEventPublisher events) {
        this.fixtures = new DeskFixtures(comments, this.moderation, this.jdbc, events);
        this.fixtures.clean();
    }

    @Test
    void aStaffReplyIsPublishedAtOnceUnderTheCommentWithTheStaffBadge() {
        long parent = this.fixtures.approved("Ann", "ann@example.com", "When do the talks resume?");

        MvcTestResult result = post("/moderation/comments/" + parent + "/reply", "text",
                "Next week, according to our Brussels desk.", "version", version(parent), "status", "approved");

        assertThat(result).hasStatus(HttpStatus.SEE_OTHER).redirectedUrl().isEqualTo("/moderation?status=approved");
        long reply = latestComment();
        assertThat(notice(result).lines()).containsExactly("Reply published.");
        assertThat(notice(result).items()).containsExactly(
                new DeskNotice.Item("See it on the article page", "/moderation/comments/" + reply + "/view"));
        assertThat(this.jdbc.queryForMap("select status, status_reason, staff, author_name, author_email, parent_id "
                + "from comment where id = ?", reply)).containsEntry("status", "APPROVED")
            .containsEntry("status_reason", "STAFF")
            .containsEntry("staff", true)
            .containsEntry("author_name", "Editor")
            .containsEntry("author_email", "editor@staff.invalid")
            .containsEntry("parent_id", parent);
        assertThat(this.fixtures.log()).last().isEqualTo("editor STAFF_REPLY " + reply + " null->APPROVED");

        Document article = articlePage();
        Element shown = article.getElementById("comment-" + reply);
        assertThat(shown).isNotNull();
        assertThat(shown.parents()).anyMatch((element) -> ("comment-" + parent).equals(element.id()));
        assertThat(shown.select(".staff-badge").text()).isEqualTo("Staff");
        assertThat(shown.select(".comment-author").first().text()).isEqualTo("Editor");
        assertThat(shown.select(".comment-content").text()).isEqualTo("Next week, according to our Brussels desk.");
        assertThat(article.select("#comments-title").text()).isEqualTo("2 comments");
    }

    @Test
    void replyingToAPendingCommentApprovesItToo() {
        long parent = this.fixtures.held("Ann", "ann@example.com", "A question");

        Document form = page("/moderation/comments/" + parent + "/reply?status=pending");
        assertThat(form.select("button[type=submit]").last().text()).isEqualTo("Approve and publish reply");
        assertThat(form.select(".field-hint").text()).isEqualTo("Published at once as Editor, with a Staff badge.");

        post("/moderation/comments/" + parent + "/reply", "text", "An answer", "version", version(parent), "status",
                "pending");

        long reply = latestComment();
        assertThat(this.fixtures.status(parent)).isEqualTo(CommentStatus.APPROVED);
        assertThat(this.fixtures.log()).containsExactly("editor APPROVE " + parent + " PENDING->APPROVED",
                "editor STAFF_REPLY " + reply + " null->APPROVED");
    }

    @Test
    void aReplyToACommentInSpamIsRefusedWithTheTextKept() {
        long spam = this.fixtures.spam("Ann", "ann@example.com", "Spam");

        MvcTestResult result = post("/moderation/comments/" + spam + "/reply", "text", "My careful answer",
                "version", version(spam), "status", "spam");

        assertThat(result).hasStatus(HttpStatus.CONFLICT);
        Document page = Jsoup.parse(DeskFixtures.body(result));
        assertThat(page.select(".notice-error").text()).startsWith("This comment cannot take a staff reply");
        assertThat(page.select("textarea#text").text()).isEqualTo("My careful answer");
        assertThat(this.fixtures.log()).isEmpty();
    }

    @Test
    void anEmptyReplyIsRefusedWithTheProblemNamed() {
        long parent = this.fixtures.approved("Ann", "ann@example.com", "Text");

        MvcTestResult result = post("/moderation/comments/" + parent + "/reply", "text", "   \r\n  ", "version",
                version(parent), "status", "approved");

        assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY);
        Document page = Jsoup.parse(DeskFixtures.body(result));
        assertThat(page.select(".error-summary a[href=#text]").text()).isEqualTo("Enter the text.");
        assertThat(page.select("#text-error").text()).contains("Enter the text.");
        assertThat(page.select("textarea#text").attr("aria-invalid")).isEqualTo("true");
    }

    @Test
    void aReplyToACommentChangedMeanwhileKeepsTheTextAndShowsWhereItStands() {
        long parent = this.fixtures.held("Ann", "ann@example.com", "Held");
        String seen = version(parent);
        this.moderation.apply("maria", DeskAction.SPAM, java.util.List.of(this.fixtures.ref(parent)));

        MvcTestResult result = post("/moderation/comments/" + parent + "/reply", "text", "Thanks for asking",
                "version", seen, "status", "pending");

        assertThat(result).hasStatus(HttpStatus.CONFLICT);
        Document page = Jsoup.parse(DeskFixtures.body(result));
        assertThat(page.select(".notice-error").text()).contains("This comment was changed by another editor.",
                "The comment by Ann is now in Spam. maria marked it as spam.");
        assertThat(page.select("textarea#text").text()).isEqualTo("Thanks for asking");
        assertThat(page.select("input[name=version]").val()).isEqualTo(version(parent));
        assertThat(this.fixtures.status(parent)).isEqualTo(CommentStatus.SPAM);
    }

    @Test
    void anEditReplacesTheTextReadersSeeAndKeepsTheOriginalInTheLog() {
        long id = this.fixtures.approved("Ann", "ann@example.com", "Teh talks resume on Monday.");
        // both pages seen before the edit: what they keep (rendered text, pages, audit lines) must not outlive it
        assertThat(articlePage().getElementById("comment-" + id).select(".comment-content").text())
            .isEqualTo("Teh talks resume on Monday.");
        Element before = page("/moderation?status=approved").getElementById("c" + id);
        assertThat(before.select(".queue-text").text()).isEqualTo("Teh talks resume on Monday.");
        assertThat(before.select(".queue-why").text()).doesNotContain("edited");

        Document form = page("/moderation/comments/" + id + "/edit?status=approved&page=1");
        assertThat(form.select("textarea#text").text()).isEqualTo("Teh talks resume on Monday.");

        MvcTestResult result = post("/moderation/comments/" + id + "/edit", "text", "The talks resume on Monday.",
                "version", version(id), "status", "approved");

        assertThat(result).hasStatus(HttpStatus.SEE_OTHER).redirectedUrl().isEqualTo("/moderation?status=approved");
        assertThat(notice(result).lines()).containsExactly("Comment text saved. The original is in the log.");
        assertThat(this.fixtures.body(id)).isEqualTo("The talks resume on Monday.");
        assertThat(this.jdbc.queryForObject(
                "select detail from moderation_event where action = 'EDIT' and comment_id = ?", String.class, id))
            .isEqualTo("Teh talks resume on Monday.");
        assertThat(articlePage().getElementById("comment-" + id).select(".comment-content").text())
            .isEqualTo("The talks resume on Monday.");
        Element after = page("/moderation?status=approved").getElementById("c" + id);
        assertThat(after.select(".queue-text").text()).isEqualTo("The talks resume on Monday.");
        assertThat(after.select(".queue-why").text()).contains("edited");
    }

    @Test
    void anEditThatChangesNothingLeavesNoLine() {
        long id = this.fixtures.held("Ann", "ann@example.com", "Same text");

        MvcTestResult result = post("/moderation/comments/" + id + "/edit", "text", "Same text\r\n", "version",
                version(id), "status", "pending");

        assertThat(notice(result).lines()).containsExactly("The text was not changed.");
        assertThat(this.fixtures.log()).isEmpty();
    }

    @Test
    void anEditOfAStaleVersionIsRefusedWithTheEditorsTextKept() {
        long id = this.fixtures.held("Ann", "ann@example.com", "Original");
        String seen = version(id);
        this.moderation.edit("maria", this.fixtures.ref(id), "Maria's correction");

        MvcTestResult result = post("/moderation/comments/" + id + "/edit", "text", "My correction", "version",
                seen, "status", "pending");

        assertThat(result).hasStatus(HttpStatus.CONFLICT);
        Document page = Jsoup.parse(DeskFixtures.body(result));
        assertThat(page.select(".notice-error").text()).contains("maria edited its text.");
        assertThat(page.select(".desk-comment .queue-text").text()).isEqualTo("Maria's correction");
        assertThat(page.select("textarea#text").text()).isEqualTo("My correction");
        assertThat(this.fixtures.body(id)).isEqualTo("Maria's correction");
    }

    @Test
    void anEditOfADeletedCommentGoesBackToTheQueueSayingSo() {
        long id = this.fixtures.spam("Ann", "ann@example.com", "Spam");
        String seen = version(id);
        this.moderation.apply("maria", DeskAction.DELETE, java.util.List.of(this.fixtures.ref(id)));

        MvcTestResult result = post("/moderation/comments/" + id + "/edit", "text", "x", "version", seen, "status",
                "spam");

        assertThat(result).hasStatus(HttpStatus.SEE_OTHER);
        assertThat(notice(result).items()).extracting(DeskNotice.Item::text)
            .containsExactly("Comment #" + id + " no longer exists. maria deleted it permanently.");
    }

    @Test
    void viewOnArticleLeadsToTheCommentOnItsPage() {
        long id = this.fixtures.approved("Ann", "ann@example.com", "Shown");

        MvcTestResult result = this.mvc.get()
            .uri("/moderation/comments/" + id + "/view")
            .with(user("editor").roles("EDITOR"))
            .exchange();

        assertThat(result).hasStatus(HttpStatus.SEE_OTHER)
            .redirectedUrl()
            .isEqualTo(DeskFixtures.ARTICLE + "#comment-" + id);
    }

    private long latestComment() {
        return this.jdbc.queryForObject("select max(id) from comment", Long.class);
    }

    private Document articlePage() {
        MvcTestResult result = this.mvc.get().uri(DeskFixtures.ARTICLE).exchange();
        assertThat(result).hasStatusOk();
        return Jsoup.parse(DeskFixtures.body(result));
    }

    private Document page(String url) {
        MvcTestResult result = this.mvc.get().uri(url).with(user("editor").roles("EDITOR")).exchange();
        assertThat(result).hasStatusOk();
        return Jsoup.parse(DeskFixtures.body(result));
    }

    private String version(long id) {
        return Long.toString(this.fixtures.version(id));
    }

    private static DeskNotice notice(MvcTestResult result) {
        return (DeskNotice) result.getMvcResult().getFlashMap().get(ModerationController.NOTICE);
    }

    private MvcTestResult post(String url, String... params) {
        var request = this.mvc.post().uri(url).with(user("editor").roles("EDITOR")).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        return request.exchange();
    }

}
