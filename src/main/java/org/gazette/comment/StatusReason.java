package org.gazette.comment;

/**
 * Why a comment is in its status: the rule that decided at submit time, or the
 * editor who moved it.
 */
public enum StatusReason {

    /** Approved by the moderation mode {@code none}. */
    MODERATION_OFF("approved: moderation off"),
    /** Approved because the same name and email were approved before. */
    KNOWN_COMMENTER("approved: known commenter"),
    /** Held because the moderation mode is {@code all}. */
    MODERATION_ALL("held: every comment is moderated"),
    /** Held because the commenter has no approved comment yet. */
    FIRST_TIME("held: first-time commenter"),
    /** Held because it contains a moderation word. */
    MODERATION_WORD("held: moderation word"),
    /** Held because it contains too many links. */
    TOO_MANY_LINKS("held: too many links"),
    /** Held because the name is an editor's name. */
    STAFF_NAME("held: name of a staff member"),
    /**
     * Held because an earlier comment on the article has the same text and the same
     * email under another name: a match the poster is not told about.
     */
    EMAIL_REPEATS_TEXT("held: same text as an earlier comment with this email"),
    /**
     * Held because the same email was used within the flood interval from another
     * client address: a match the poster is not told about.
     */
    EMAIL_RECENTLY_USED("held: email used moments ago from another address"),
    /** Marked spam because the hidden field was filled. */
    HONEYPOT("spam: hidden field filled"),
    /** Marked spam because it contains a disallowed word. */
    DISALLOWED_WORD("spam: disallowed word"),
    /** Written by an editor. */
    STAFF("published by staff"),
    /** Moved by an editor. */
    EDITOR("moved by an editor"),
    /** Imported from another system (a WordPress or Disqus export) with the status it had there. */
    IMPORTED("imported with its status");

    private final String label;

    StatusReason(String label) {
        this.label = label;
    }

    public String label() {
        return this.label;
    }

}
