package org.gazette.comment;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/**
 * The rules editors manage, one row. A {@code null} column means "use the property".
 */
@Entity
public class CommentSettings {

    static final int SINGLETON_ID = 1;

    @Id
    private Integer id;

    private String moderationMode;

    private Integer maxLinks;

    private Integer closeAfterDays;

    private String disallowedWords = "";

    private String moderationWords = "";

    private Instant updatedAt;

    @Version
    private long version;

    protected CommentSettings() {
    }

    public String getModerationMode() {
        return this.moderationMode;
    }

    public Integer getMaxLinks() {
        return this.maxLinks;
    }

    public Integer getCloseAfterDays() {
        return this.closeAfterDays;
    }

    public String getDisallowedWords() {
        return this.disallowedWords;
    }

    public String getModerationWords() {
        return this.moderationWords;
    }

    public long getVersion() {
        return this.version;
    }

    public Instant getUpdatedAt() {
        return this.updatedAt;
    }

    void update(ModerationMode mode, int maxLinks, int closeAfterDays, String disallowedWords,
            String moderationWords, Instant now) {
        this.moderationMode = mode.key();
        this.maxLinks = maxLinks;
        this.closeAfterDays = closeAfterDays;
        this.disallowedWords = disallowedWords;
        this.moderationWords = moderationWords;
        this.updatedAt = now;
    }

}
