package org.gazette.web;

import java.util.List;

import org.gazette.article.Article;
import org.gazette.comment.CommentFixtures;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A draft is the desk's alone: readers get 404 for its pages, its comment form and its
 * comment feed, and find it on no list (the front page, the feed, the sitemap), even
 * after they saw it published and kept its validators; publishing or taking an article
 * back changes the validators of every list.
 */
@ReaderSideTest
class DraftArticlesTests {

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private TestArticles articles;

    @Autowired
    private CommentFixtures fixtures;

    @Test
    void draftIsNotFoundOnEveryReaderRoute() throws Exception {
        Article draft = this.articles.createDraft("Not yet for readers");
        String slug = draft.getSlug();

        for (String url : List.of("/articles/" + slug, "/articles/" + slug + "?page=1",
                "/articles/" + slug + "?page=2", "/articles/" + slug + "/comments/feed")) {
            assertThat(this.mvc.get().uri(url).exchange()).as(url).hasStatus(404);
            assertThat(this.mvc.get().uri(url).header("If-None-Match", "*").exchange()).as(url).hasStatus(404);
        }
        assertThat(this.mvc.head().uri("/articles/" + slug).exchange()).hasStatus(404);
    }

    @Test
    void commentOnADraftIsNotFoundAndNothingIsStored() throws Exception {
        Article draft = this.articles.createDraft("A draft nobody can comment on");

        MvcTestResult valid = CommentForm.by("Ann Lee").postTo(this.mvc, draft).exchange();
        MvcTestResult invalid = CommentForm.by("Ann Lee").without("comment").postTo(this.mvc, draft).exchange();

        assertThat(valid).hasStatus(404);
        assertThat(invalid).hasStatus(404);
        assertThat(this.fixtures.storedOn(draft)).isEmpty();
    }

    @Test
    void draftIsOnNoList() throws Exception {
        Article draft = this.articles.createDraft("Hidden from every list");
        Article published = this.articles.create("Shown on every list");

        for (String url : List.of("/", "/feed", "/sitemap.xml")) {
            String body = this.mvc.get().uri(url).exchange().getResponse().getContentAsString();
            assertThat(body).as(url).contains(published.getSlug()).doesNotContain(draft.getSlug());
        }
    }

    @Test
    void articleTakenBackDisappearsFromPagesReadersHaveSeen() throws Exception {
        Article article = this.articles.create("Published, then taken back");
        String url = "/articles/" + article.getSlug();
        String pageTag = this.mvc.get().uri(url).exchange().getResponse().getHeader("ETag");
        String feedTag = this.mvc.get().uri(url + "/comments/feed").exchange().getResponse().getHeader("ETag");
        Tags seen = tags();
        assertThat(front()).contains(article.getSlug());

        this.articles.unpublish(article);

        assertThat(this.mvc.get().uri(url).exchange()).hasStatus(404);
        assertThat(this.mvc.get().uri(url).header("If-None-Match", pageTag).exchange()).hasStatus(404);
        assertThat(this.mvc.get().uri(url + "/comments/feed").header("If-None-Match", feedTag).exchange())
            .hasStatus(404);
        assertThat(front()).doesNotContain(article.getSlug());
        assertThat(tags()).isEqualTo(seen.allChanged(tags()));
        assertThat(CommentForm.by("Ann Lee").postTo(this.mvc, article).exchange()).hasStatus(404);
    }

    @Test
    void publishingADraftShowsItAndChangesTheListsValidators() throws Exception {
        Article draft = this.articles.createDraft("Published at last");
        Tags before = tags();
        assertThat(notModified("/", before.front())).isTrue();

        this.articles.publish(draft);

        assertThat(this.mvc.get().uri("/articles/" + draft.getSlug()).exchange()).hasStatusOk();
        assertThat(notModified("/", before.front())).isFalse();
        assertThat(notModified("/feed", before.feed())).isFalse();
        assertThat(notModified("/sitemap.xml", before.sitemap())).isFalse();
        assertThat(front()).contains(draft.getSlug());
    }

    @Test
    void editingADraftLeavesTheListsAlone() throws Exception {
        Article draft = this.articles.createDraft("Still being written");
        Tags before = tags();

        this.articles.closeComments(draft);

        assertThat(notModified("/", before.front())).isTrue();
        assertThat(notModified("/feed", before.feed())).isTrue();
    }

    private String front() throws Exception {
        return Jsoup.parse(this.mvc.get().uri("/").exchange().getResponse().getContentAsString())
            .select(".article-list a")
            .eachAttr("href")
            .toString();
    }

    private boolean notModified(String url, String etag) {
        return this.mvc.get().uri(url).header("If-None-Match", etag).exchange().getResponse().getStatus() == 304;
    }

    private Tags tags() {
        return new Tags(tag("/"), tag("/feed"), tag("/sitemap.xml"));
    }

    private String tag(String url) {
        MvcTestResult result = this.mvc.get().uri(url).exchange();
        assertThat(result).hasStatusOk();
        return result.getResponse().getHeader("ETag");
    }

    private record Tags(String front, String feed, String sitemap) {

        /** The later tags, provided each differs from this one. */
        Tags allChanged(Tags later) {
            assertThat(later.front()).isNotEqualTo(this.front);
            assertThat(later.feed()).isNotEqualTo(this.feed);
            assertThat(later.sitemap()).isNotEqualTo(this.sitemap);
            return later;
        }

    }

}
