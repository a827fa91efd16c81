package org.gazette.moderation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.gazette.article.Article;
import org.gazette.article.ArticleRepository;
import org.gazette.comment.CommentRules;
import org.gazette.comment.CommentSettingsService;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The settings page's reads and its one write: the comment rules (through
 * {@link CommentSettingsService}, which puts them in force for the next comment) and
 * each article's "takes comments" switch, with every change in the audit log, all in
 * one transaction.
 */
@Service
class SettingsAdministration {

    /** Articles per page of the settings form. */
    static final int ARTICLES_PER_PAGE = 25;

    private final CommentSettingsService settings;

    private final ArticleRepository articles;

    private final AuditLog audit;

    private final MessageSource messages;

    private final Clock clock;

    SettingsAdministration(CommentSettingsService settings, ArticleRepository articles, AuditLog audit,
            MessageSource messages, Clock clock) {
        this.settings = settings;
        this.articles = articles;
        this.audit = audit;
        this.messages = messages;
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

    /** The form filled with the rules in force and the given articles. */
    @Transactional(readOnly = true)
    SettingsForm currentForm(List<SettingsArticle> shown) {
        return SettingsForm.of(this.settings.rules(), this.settings.settings().getVersion(), shown);
    }

    /**
     * Saves the form: the rules when they differ from those in force, and each article
     * whose box the editor changed.
     * @return the number of changes made
     * @throws SettingsConflictException another editor saved the settings since this
     * form was shown
     */
    @Transactional
    int save(SettingsForm form, String editor) {
        if (this.settings.settings().getVersion() != form.getVersion()) {
            throw new SettingsConflictException();
        }
        forgetRulesOnRollback();
        int changed = 0;
        Locale locale = LocaleContextHolder.getLocale();
        SettingsChanges changes = SettingsChanges.between(this.settings.rules(), form);
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
            this.audit.record(editor, AuditAction.ARTICLE_COMMENTS_CHANGE, null, article.getId(), state(!open),
                    state(open), article.getHeadline());
            changed++;
        }
        return changed;
    }

    /**
     * What the editor tried to change, for the page that refuses a stale form: the
     * rules that differ from those now in force, and the article boxes they changed.
     */
    @Transactional(readOnly = true)
    List<String> unsavedChanges(SettingsForm form) {
        Locale locale = LocaleContextHolder.getLocale();
        List<String> lines = new ArrayList<>(
                SettingsChanges.between(this.settings.rules(), form).lines(this.messages, locale));
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

    /**
     * The rules service puts new rules in force as soon as it saves them; if this
     * transaction then rolls back, it must read them again from the database.
     */
    private void forgetRulesOnRollback() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    SettingsAdministration.this.settings.reload();
                }
            }
        });
    }

    private static String state(boolean open) {
        return open ? "open" : "closed";
    }

}
