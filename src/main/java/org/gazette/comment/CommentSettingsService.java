package org.gazette.comment;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

import org.gazette.Change;
import org.gazette.SharedChanges;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Reads and changes the rules editors manage. The rules in force are kept in memory,
 * so posting costs no settings query, and read again after every committed change to
 * the settings, made on this node or another ({@link Change.Topic#SETTINGS}).
 */
@Service
public class CommentSettingsService {

    private final CommentSettingsRepository repository;

    private final CommentProperties properties;

    private final ModerationProperties moderation;

    private final SharedChanges changes;

    private final Clock clock;

    /** Moves with every change the rules kept may not include. */
    private final AtomicLong generation = new AtomicLong();

    private volatile Kept current;

    CommentSettingsService(CommentSettingsRepository repository, CommentProperties properties,
            ModerationProperties moderation, SharedChanges changes, Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.moderation = moderation;
        this.changes = changes;
        this.clock = clock;
    }

    /** The rules in force now. */
    public CommentRules rules() {
        return inForce().rules();
    }

    /** The rules in force now, with the version of the stored settings they come from. */
    public RulesInForce inForce() {
        // The generation is read before the row: a change committed during the read
        // leaves these rules marked as older than it, so the next call reads again.
        long seen = this.generation.get();
        Kept kept = this.current;
        if (kept != null && kept.generation() == seen) {
            return kept.rules();
        }
        CommentSettings settings = this.repository.findById(CommentSettings.SINGLETON_ID).orElseThrow();
        RulesInForce read = new RulesInForce(rulesOf(settings), settings.getVersion(), settings.getUpdatedAt());
        this.current = new Kept(seen, read);
        return read;
    }

    /** The stored settings, for the editors' form, read afresh. */
    @Transactional(readOnly = true)
    public CommentSettings settings() {
        return this.repository.findById(CommentSettings.SINGLETON_ID).orElseThrow();
    }

    /** The rules the stored settings make, over the property defaults. */
    public CommentRules rulesOf(CommentSettings settings) {
        ModerationMode mode = ModerationMode.fromKey(settings.getModerationMode())
            .orElseGet(this.moderation::defaultMode);
        int maxLinks = (settings.getMaxLinks() != null) ? settings.getMaxLinks() : this.properties.maxLinks();
        int closeAfter = (settings.getCloseAfterDays() != null) ? settings.getCloseAfterDays()
                : this.properties.closeAfterDays();
        return new CommentRules(mode, maxLinks, closeAfter, this.properties.threadDepth(),
                this.properties.floodInterval(), CommentRules.terms(settings.getDisallowedWords()),
                CommentRules.terms(settings.getModerationWords()));
    }

    /**
     * Saves the editors' settings over the stored row as this transaction read it (the
     * row's version is checked as it is written); every node screens the next comment
     * with them once the transaction commits.
     * @throws org.springframework.dao.OptimisticLockingFailureException another save
     * committed since this transaction read the row
     */
    @Transactional
    public CommentRules update(ModerationMode mode, int maxLinks, int closeAfterDays, String disallowedWords,
            String moderationWords) {
        CommentSettings settings = settings();
        settings.update(mode, maxLinks, closeAfterDays, normaliseList(disallowedWords),
                normaliseList(moderationWords), this.clock.instant());
        this.repository.saveAndFlush(settings);
        this.changes.publish(Change.settings());
        // rules read in this transaction from now on include the write: keep none of them
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                CommentSettingsService.this.generation.incrementAndGet();
            }
        });
        return rulesOf(settings);
    }

    @EventListener
    void on(Change change) {
        if (change.topic() == Change.Topic.SETTINGS || change.topic() == Change.Topic.EVERYTHING) {
            this.generation.incrementAndGet();
        }
    }

    private static String normaliseList(String list) {
        return String.join("\n", CommentRules.terms((list != null) ? list.replace("\r\n", "\n") : ""));
    }

    /** Rules and the generation they were read in. */
    private record Kept(long generation, RulesInForce rules) {

    }

}
