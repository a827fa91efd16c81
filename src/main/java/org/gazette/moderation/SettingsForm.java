package org.gazette.moderation;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.gazette.comment.CommentRules;
import org.gazette.comment.ModerationMode;

/**
 * The settings form: the comment rules, with the version of the settings the editor
 * saw (a save over a newer version is refused), and the "takes comments" box of each
 * article on the page, with the state the editor saw (only boxes the editor changed
 * are applied, so a change another editor made meanwhile is not undone).
 */
public class SettingsForm {

    static final int MAX_LINKS = 50;

    static final int MAX_CLOSE_AFTER_DAYS = 3650;

    static final int MAX_WORD_LIST = 50_000;

    @NotNull(message = "{settings.mode.required}")
    private ModerationMode mode;

    @Size(max = MAX_WORD_LIST, message = "{settings.words.tooLong}")
    private String disallowedWords = "";

    @Size(max = MAX_WORD_LIST, message = "{settings.words.tooLong}")
    private String moderationWords = "";

    @NotNull(message = "{settings.maxLinks.required}")
    @Min(value = 0, message = "{settings.maxLinks.range}")
    @Max(value = MAX_LINKS, message = "{settings.maxLinks.range}")
    private Integer maxLinks;

    @NotNull(message = "{settings.closeAfterDays.required}")
    @Min(value = 0, message = "{settings.closeAfterDays.range}")
    @Max(value = MAX_CLOSE_AFTER_DAYS, message = "{settings.closeAfterDays.range}")
    private Integer closeAfterDays;

    private long version;

    private Set<Long> shownArticles = new LinkedHashSet<>();

    private Set<Long> seenOpenArticles = new LinkedHashSet<>();

    private Set<Long> openArticles = new LinkedHashSet<>();

    /** The form for the rules in force and the articles on one page. */
    static SettingsForm of(CommentRules rules, long version, List<SettingsArticle> articles) {
        SettingsForm form = new SettingsForm();
        form.mode = rules.mode();
        form.disallowedWords = String.join("\n", rules.disallowedWords());
        form.moderationWords = String.join("\n", rules.moderationWords());
        form.maxLinks = rules.maxLinks();
        form.closeAfterDays = rules.closeAfterDays();
        form.version = version;
        for (SettingsArticle article : articles) {
            form.shownArticles.add(article.id());
            if (article.open()) {
                form.seenOpenArticles.add(article.id());
                form.openArticles.add(article.id());
            }
        }
        return form;
    }

    /** The terms of the disallowed list as the rules will hold them. */
    List<String> disallowedTerms() {
        return CommentRules.terms(this.disallowedWords);
    }

    List<String> moderationTerms() {
        return CommentRules.terms(this.moderationWords);
    }

    /** Whether the editor ticked or cleared this article's box. */
    boolean changedArticle(long id) {
        return this.shownArticles.contains(id) && wantsOpen(id) != this.seenOpenArticles.contains(id);
    }

    boolean wantsOpen(long id) {
        return this.openArticles.contains(id);
    }

    public ModerationMode getMode() {
        return this.mode;
    }

    public void setMode(ModerationMode mode) {
        this.mode = mode;
    }

    public String getDisallowedWords() {
        return this.disallowedWords;
    }

    public void setDisallowedWords(String disallowedWords) {
        this.disallowedWords = lines(disallowedWords);
    }

    public String getModerationWords() {
        return this.moderationWords;
    }

    public void setModerationWords(String moderationWords) {
        this.moderationWords = lines(moderationWords);
    }

    public Integer getMaxLinks() {
        return this.maxLinks;
    }

    public void setMaxLinks(Integer maxLinks) {
        this.maxLinks = maxLinks;
    }

    public Integer getCloseAfterDays() {
        return this.closeAfterDays;
    }

    public void setCloseAfterDays(Integer closeAfterDays) {
        this.closeAfterDays = closeAfterDays;
    }

    public long getVersion() {
        return this.version;
    }

    public void setVersion(long version) {
        this.version = version;
    }

    public Set<Long> getShownArticles() {
        return this.shownArticles;
    }

    public void setShownArticles(Set<Long> shownArticles) {
        this.shownArticles = (shownArticles != null) ? shownArticles : new LinkedHashSet<>();
    }

    public Set<Long> getSeenOpenArticles() {
        return this.seenOpenArticles;
    }

    public void setSeenOpenArticles(Set<Long> seenOpenArticles) {
        this.seenOpenArticles = (seenOpenArticles != null) ? seenOpenArticles : new LinkedHashSet<>();
    }

    public Set<Long> getOpenArticles() {
        return this.openArticles;
    }

    public void setOpenArticles(Set<Long> openArticles) {
        this.openArticles = (openArticles != null) ? openArticles : new LinkedHashSet<>();
    }

    /** A textarea sends CRLF: one term per line, whatever the browser. */
    private static String lines(String text) {
        return (text != null) ? text.replace("\r\n", "\n").replace('\r', '\n') : "";
    }

}
