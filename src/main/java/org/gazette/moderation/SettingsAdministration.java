package org.gazette.moderation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.gazette.Change;
import org.gazette.SharedChanges;
import org.gazette.article.Article;
import org.gazette.article.ArticleRepository;
import org.gazette.comment.CommentSettings;
import org.gazette.comment.CommentSettingsService;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The settings page's reads and its one write: the comment rules (through
 * {@link CommentSettingsService}, which puts them in force for the next comment) and
 * each article's "takes comments" switch, with every change in the audit log, all in
 * one transaction. The form shows the stored settings and is compared with them, never
 * with the copy a node keeps in memory, so a form filled in over settings saved since
 * (on any node) is refused rather than putting the old values back.
 */
@Service
class SettingsAdministration {

    /** Articles per page of the settings form. */
    static final int ARTICLES_PER_PAGE = 25;

    private final CommentSettingsService settings;

    private final ArticleRepository articles;

    private final AuditLog audit;

    private final MessageSource messages;

    private final SharedChanges changes;

    private final Clock clock;

    SettingsAdministration(CommentSettingsService settings, ArticleRepository articles, AuditLog audit,
            MessageSource messages, SharedChanges changes, Clock clock) {
        this.settings = settings;
        this.articles = articles;
        this.audit = audit;
        this.messages = messages;
        this.changes = changes;
        this.clock = clock;
    }

    /** One page of articles, newest first (page numbers from 0). */
    @Transactional(readOnly = true)
    Page<SettingsArticle> articles(int page) {
        int closeAfterDays = this.settings.rules().closeAfterDays();
        Instant now = this.clock.instant();
        return this.articles
            .findAll(PageRequest.of(page, ARTICLES_PER_PAGE,
                    Sort.by(Sort.Order.desc("publishedAt"), Sort.Order.desc("id"))))
            .map((article) -> SettingsArticle.of(article, closeAfterDays, now));
    }

    /** The form filled with the stored settings, their version and the given articles. */
    @Transactional(readOnly = true)
    SettingsForm currentForm(List<SettingsArticle> shown) {
        CommentSettings stored = this.settings.settings();
        return SettingsForm.of(this.settings.rulesOf(stored), stored.getVersion(), shown);
    }

    /**
     * Saves the form: the rules when they differ from the stored ones, and each article
     * whose box the editor changed.
     * @return the number of changes made
     * @throws SettingsConflictException another editor saved the settings since this
     * form was shown
     * @throws org.springframework.dao.OptimisticLockingFailureException another editor
     * saved them while this was being saved
     */
    @Transactional
    int save(SettingsForm form, String editor) {
        CommentSettings stored = this.settings.settings();
        if (stored.getVersion() != form.getVersion()) {
            throw new SettingsConflictException();
        }
        int changed = 0;
        Locale locale = LocaleContextHolder.getLocale();
        SettingsChanges changes = SettingsChanges.between(this.settings.rulesOf(stored), form);
        if (!changes.isEmpty()) {
            this.settings.update(form.getMode(), form.getMaxLinks(), form.getCloseAfterDays(),
                    form.getDisallowedWords(), form.getModerationWords());
            this.audit.record(editor, AuditAction.SETTINGS_CHANGE, null, null, null, null,
                    changes.describe(this.messages, locale));
            changed++;
        }
        Instant now = this.clock.instant();
        for (Long id : form.getShownArticles()) {
            if (!form.changedArticle(id)) {
                continue;
            }
            Article article = this.articles.findById(id).orElse(null);
            boolean open = form.wantsOpen(id);
            if (article == null || article.isCommentsOpen() == open) {
                continue;
            }
            article.setCommentsOpen(open, now);
            this.articles.saveAndFlush(article);
            this.changes.publish(Change.article(article.getId()));
            this.audit.record(editor, AuditAction.ARTICLE_COMMENTS_CHANGE, null, article.getId(), state(!open),
                    state(open), article.getHeadline());
            changed++;
        }
        return changed;
    }

    /**
     * What the editor tried to change, for the page that refuses a stale form: the
     * rules that differ from the stored ones, and the article boxes they changed.
     */
    @Transactional(readOnly = true)
    List<String> unsavedChanges(SettingsForm form) {
        Locale locale = LocaleContextHolder.getLocale();
        List<String> lines = new ArrayList<>(SettingsChanges.between(this.settings.rulesOf(this.settings.settings()),
                form).lines(this.messages, locale));
        for (Long id : form.getShownArticles()) {
            if (form.changedArticle(id)) {
                this.articles.findById(id)
                    .ifPresent((article) -> lines.add(this.messages.getMessage("settings.unsaved.article",
                            new Object[] { article.getHeadline(), this.messages
                                .getMessage(form.wantsOpen(id) ? "settings.article.open" : "settings.article.closed",
                                        null, locale) },
                            locale)));
            }
        }
        return lines;
    }

    private static String state(boolean open) {
        return open ? "open" : "closed";
    }

}
