package org.gazette.moderation;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.gazette.comment.CommentStatus;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log at {@code /moderation/log}: who did what and when, newest first, paged
 * and filterable by editor and action. It only reads: the log has no way to change a
 * line.
 */
@Controller
@RequestMapping("/moderation/log")
class AuditLogController {

    static final int PAGE_SIZE = 50;

    private static final int MAX_PAGE_DIGITS = 9;

    private static final int MAX_EDITOR = 100;

    private final AuditLog log;

    private final QueueRepository comments;

    AuditLogController(AuditLog log, QueueRepository comments) {
        this.log = log;
        this.comments = comments;
    }

    @ModelAttribute("deskSection")
    String deskSection() {
        return "log";
    }

    @GetMapping
    String log(@RequestParam(name = "editor", required = false) String editor,
            @RequestParam(name = "action", required = false) String action,
            @RequestParam(name = "page", required = false) String page, Model model) {
        String who = (editor == null || editor.isBlank()) ? null : editor.strip();
        if (who != null && who.length() > MAX_EDITOR) {
            throw new InvalidQueueQueryException();
        }
        AuditAction what = (action == null || action.isEmpty()) ? null : Arrays.stream(AuditAction.values())
            .filter((candidate) -> candidate.name().equals(action))
            .findFirst()
            .orElseThrow(InvalidQueueQueryException::new);
        int number = pageNumber(page);
        Page<ModerationEvent> events = this.log.search(who, what, PageRequest.of(number - 1, PAGE_SIZE));
        if (number > 1 && events.getContent().isEmpty()) {
            throw new QueuePageNotFoundException();
        }
        model.addAttribute("log", new LogPage(events, who, what, this.log.editors(), comments(events),
                articles(events)));
        return "moderation/log";
    }

    /** The comments the page's lines name that still exist: one query. */
    private Map<Long, LogPage.CommentLink> comments(Page<ModerationEvent> events) {
        Set<Long> ids = new HashSet<>();
        events.forEach((event) -> {
            if (event.getCommentId() != null) {
                ids.add(event.getCommentId());
            }
        });
        Map<Long, LogPage.CommentLink> links = new HashMap<>();
        if (!ids.isEmpty()) {
            for (Object[] row : this.comments.summaries(ids)) {
                links.put((Long) row[0], new LogPage.CommentLink((Long) row[0], (String) row[1],
                        ((CommentStatus) row[2]).key()));
            }
        }
        return links;
    }

    /** The articles the page's lines name: one query. */
    private Map<Long, ArticleChoice> articles(Page<ModerationEvent> events) {
        Set<Long> ids = new HashSet<>();
        events.forEach((event) -> {
            if (event.getArticleId() != null) {
                ids.add(event.getArticleId());
            }
        });
        Map<Long, ArticleChoice> articles = new HashMap<>();
        if (!ids.isEmpty()) {
            this.comments.articles(ids).forEach((article) -> articles.put(article.id(), article));
        }
        return articles;
    }

    private static int pageNumber(String page) {
        if (page == null || page.isEmpty()) {
            return 1;
        }
        if (page.length() > MAX_PAGE_DIGITS || !page.chars().allMatch((c) -> c >= '0' && c <= '9')) {
            throw new InvalidQueueQueryException();
        }
        int number = Integer.parseInt(page);
        if (number < 1) {
            throw new InvalidQueueQueryException();
        }
        return number;
    }

}
