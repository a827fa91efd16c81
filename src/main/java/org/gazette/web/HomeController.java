package org.gazette.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.gazette.article.Article;
import org.gazette.article.ArticleRepository;
import org.gazette.article.SiteProperties;
import org.gazette.comment.CommentCounts;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The front page: articles newest first, each with its dateline and comment count. */
@Controller
class HomeController {

    private final ArticleRepository articles;

    private final CommentCounts counts;

    private final SiteProperties site;

    HomeController(ArticleRepository articles, CommentCounts counts, SiteProperties site) {
        this.articles = articles;
        this.counts = counts;
        this.site = site;
    }

    @GetMapping("/")
    String home(Model model, HttpServletResponse response) {
        Map<Long, Long> approved = this.counts.approvedByArticle();
        List<ArticleSummary> summaries = this.articles.findAllByOrderByPublishedAtDescIdDesc()
            .stream()
            .map((article) -> new ArticleSummary(article, approved.getOrDefault(article.getId(), 0L)))
            .toList();
        model.addAttribute("articles", summaries);
        model.addAttribute("canonicalUrl", this.site.origin() + "/");
        response.setHeader(HttpHeaders.CACHE_CONTROL, CachePolicy.PUBLIC);
        return "articles/list";
    }

    /** An article on the front page with its approved comment count. */
    record ArticleSummary(Article article, long commentCount) {

    }

}
