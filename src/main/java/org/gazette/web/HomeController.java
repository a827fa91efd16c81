package org.gazette.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.gazette.article.ArticleListing;
import org.gazette.article.ArticleRepository;
import org.gazette.article.SiteProperties;
import org.gazette.comment.CommentCounts;

import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The front page: published articles newest first, {@link #PAGE_SIZE} a page, each with
 * its dateline, byline, standfirst and approved comment count. A page costs the same
 * queries however many articles there are: the count comes with the page's validators,
 * the page's articles are read from the index, and only their comments are counted.
 */
@Controller
class HomeController {

    static final int PAGE_SIZE = 20;

    private final ArticleRepository articles;

    private final CommentCounts counts;

    private final PageVersions versions;

    private final SiteProperties site;

    HomeController(ArticleRepository articles, CommentCounts counts, PageVersions versions, SiteProperties site) {
        this.articles = articles;
        this.counts = counts;
        this.versions = versions;
        this.site = site;
    }

    @GetMapping("/")
    String home(@RequestParam(name = "page", required = false) String page, Model model,
            HttpServletResponse response) {
        int number = PageNumbers.parse(page);
        int pages = PageNumbers.count(this.versions.publishedArticles(), PAGE_SIZE);
        if (number < 1 || number > pages) {
            throw new FrontPageNotFoundException();
        }
        List<ArticleListing> listed = this.articles.findPublishedNewestFirst(PageRequest.of(number - 1, PAGE_SIZE));
        Map<Long, Long> approved = this.counts.approvedOf(listed.stream().map(ArticleListing::id).toList());
        model.addAttribute("articles", listed.stream()
            .map((article) -> new ArticleSummary(article, approved.getOrDefault(article.id(), 0L)))
            .toList());
        model.addAttribute("paging", new FrontPaging(number, pages, this.site.origin()));
        model.addAttribute("canonicalUrl", this.site.origin() + FrontPaging.path(number));
        model.addAttribute("feedUrl", this.site.origin() + "/feed");
        response.setHeader(HttpHeaders.CACHE_CONTROL, CachePolicy.PUBLIC);
        return "articles/list";
    }

    /** An article on the front page with its approved comment count. */
    record ArticleSummary(ArticleListing article, long commentCount) {

    }

    /**
     * Where a page of the front page stands among the others, and the addresses of its
     * neighbours: older articles on the next page, newer on the previous one.
     *
     * @param number this page
     * @param count how many pages there are
     * @param origin the public origin
     */
    record FrontPaging(int number, int count, String origin) {

        static String path(int number) {
            return (number == 1) ? "/" : "/?page=" + number;
        }

        public boolean hasOlder() {
            return this.number < this.count;
        }

        public boolean hasNewer() {
            return this.number > 1;
        }

        public boolean first() {
            return this.number == 1;
        }

        public String olderPath() {
            return path(this.number + 1);
        }

        public String newerPath() {
            return path(this.number - 1);
        }

        public String olderUrl() {
            return this.origin + olderPath();
        }

        public String newerUrl() {
            return this.origin + newerPath();
        }

    }

}
