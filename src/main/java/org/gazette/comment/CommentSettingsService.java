package org.gazette.comment;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and changes the rules editors manage. The rules in force are kept in memory
 * and replaced on every change, so the next comment posted sees them at once and
 * posting costs no settings query.
 */
@Service
public class CommentSettingsService {

    private final CommentSettingsRepository repository;

    private final CommentProperties properties;

    private final ModerationProperties moderation;

    private final Clock clock;

    private final ApplicationEventPublisher events;

    private volatile CommentRules current;

    CommentSettingsService(CommentSettingsRepository repository, CommentProperties properties,
            ModerationProperties moderation, Clock clock, ApplicationEventPublisher events) {
        this.repository = repository;
        this.properties = properties;
        this.moderation = moderation;
        this.clock = clock;
        this.events = events;
    }

    /** The rules in force now. */
    public CommentRules rules() {
        CommentRules rules = this.current;
        if (rules == null) {
            rules = load();
            this.current = rules;
        }
        return rules;
    }

    /** The stored settings, for the editors' form. */
    @Transactional(readOnly = true)
    public CommentSettings settings() {
        return this.repository.findById(CommentSettings.SINGLETON_ID).orElseThrow();
    }

    /**
     * Saves the editors' settings; the next comment posted is screened with them.
     */
    @Transactional
    public CommentRules update(ModerationMode mode, int maxLinks, int closeAfterDays, String disallowedWords,
            String moderationWords) {
        CommentSettings settings = settings();
        settings.update(mode, maxLinks, closeAfterDays, normaliseList(disallowedWords),
                normaliseList(moderationWords), this.clock.instant());
        this.repository.saveAndFlush(settings);
        CommentRules rules = toRules(settings);
        this.current = rules;
        this.events.publishEvent(new CommentRulesChanged());
        return rules;
    }

    /** Forgets the cached rules (tests, or a change made outside this service). */
    public void reload() {
        this.current = null;
        this.events.publishEvent(new CommentRulesChanged());
    }

    private CommentRules load() {
        return toRules(this.repository.findById(CommentSettings.SINGLETON_ID).orElseThrow());
    }

    private CommentRules toRules(CommentSettings settings) {
        ModerationMode mode = ModerationMode.fromKey(settings.getModerationMode())
            .orElseGet(this.moderation::defaultMode);
        int maxLinks = (settings.getMaxLinks() != null) ? settings.getMaxLinks() : this.properties.maxLinks();
        int closeAfter = (settings.getCloseAfterDays() != null) ? settings.getCloseAfterDays()
                : this.properties.closeAfterDays();
        return new CommentRules(mode, maxLinks, closeAfter, this.properties.threadDepth(),
                this.properties.floodInterval(), CommentRules.terms(settings.getDisallowedWords()),
                CommentRules.terms(settings.getModerationWords()));
    }

    private static String normaliseList(String list) {
        return String.join("\n", CommentRules.terms((list != null) ? list.replace("\r\n", "\n") : ""));
    }

}
