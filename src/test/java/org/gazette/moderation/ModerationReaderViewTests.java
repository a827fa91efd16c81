package org.gazette.moderation;

import org.gazette.comment.CommentService;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * What the desk changes for readers: an approved comment appears on the article page
 * and in its count at once; one moved out of Approved disappears; a removed comment
 * with approved replies leaves a placeholder above them.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ModerationReaderViewTests {

    @Autowired
    private MockMvcTester mvc;

    private DeskFixtures fixtures;

    @BeforeEach
    void cleanSlate(@Autowired CommentService comments, @Autowired ModerationService moderation,
            @Autowired JdbcTemplate jdbc, @Autowired ApplicationEventPublisher events) {
        this.fixtures = new DeskFixtures(comments, moderation, jdbc, events);
        this.fixtures.clean();
    }

    @Test
    void anApprovedCommentAppearsOnTheArticlePageAndInItsCountAtOnce() {
        long id = this.fixtures.held("Ann", "ann@example.com", "Worth reading");
        Document before = articlePage();
        assertThat(before.getElementById("comment-" + id)).isNull();
        assertThat(before.select("#comments-title").text()).isEqualTo("0 comments");

        act(id, "approve", "pending");

        Document after = articlePage();
        assertThat(after.getElementById("comment-" + id).select(".comment-content").text()).isEqualTo("Worth reading");
        assertThat(after.select("#comments-title").text()).isEqualTo("1 comment");
    }

    @Test
    void aCommentMovedOutOfApprovedDisappearsFromThePage() {
        long unapproved = this.fixtures.approved("Ann", "ann@example.com", "One");
        long spammed = this.fixtures.approved("Bo", "bo@example.com", "Two");
        long trashed = this.fixtures.approved("Cy", "cy@example.com", "Three");
        assertThat(articlePage().select("#comments-title").text()).isEqualTo("3 comments");

        act(unapproved, "unapprove", "approved");
        act(spammed, "spam", "approved");
        act(trashed, "trash", "approved");

        Document page = articlePage();
        assertThat(page.select("#comments-title").text()).isEqualTo("0 comments");
        assertThat(page.getElementById("comment-" + unapproved)).isNull();
        assertThat(page.getElementById("comment-" + spammed)).isNull();
        assertThat(page.getElementById("comment-" + trashed)).isNull();
    }

    @Test
    void aRemovedCommentWithApprovedRepliesLeavesAPlaceholderAboveThem() {
        long parent = this.fixtures.approved("Parent", "parent@example.com", "The parent's words");
        long reply = this.fixtures.heldReply(parent, "Child", "child@example.com", "The reply's words");
        this.fixtures.act(DeskAction.APPROVE, reply);

        act(parent, "trash", "approved");

        Document page = articlePage();
        Element placeholder = page.getElementById("comment-" + parent);
        assertThat(placeholder.select(".comment-removed-note").first().text()).isEqualTo("This comment was removed.");
        assertThat(placeholder.text()).doesNotContain("The parent's words", "Parent ");
        assertThat(placeholder.getElementById("comment-" + reply).select(".comment-content").text())
            .isEqualTo("The reply's words");
        assertThat(page.select("#comments-title").text()).isEqualTo("1 comment");

        act(parent, "restore", "trash");

        assertThat(articlePage().getElementById("comment-" + parent).select(".comment-content").first().text())
            .isEqualTo("The parent's words");
    }

    private void act(long id, String action, String tab) {
        MvcTestResult result = this.mvc.post()
            .uri("/moderation/comments/" + id + "/" + action)
            .param("version", Long.toString(this.fixtures.version(id)))
            .param("status", tab)
            .with(user("editor").roles("EDITOR"))
            .with(csrf())
            .exchange();
        assertThat(result).hasStatus3xxRedirection();
        DeskNotice notice = (DeskNotice) result.getMvcResult().getFlashMap().get(ModerationController.NOTICE);
        assertThat(notice.level()).isEqualTo("success");
    }

    private Document articlePage() {
        MvcTestResult result = this.mvc.get().uri(DeskFixtures.ARTICLE).exchange();
        assertThat(result).hasStatusOk();
        return Jsoup.parse(DeskFixtures.body(result));
    }

}
