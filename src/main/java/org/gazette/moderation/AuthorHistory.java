package org.gazette.moderation;

/**
 * What an author (by email) has had before: approved, pending and spam comments,
 * counted over the whole site.
 *
 * @param email the author's email
 * @param approved approved comments
 * @param pending comments awaiting moderation
 * @param spam comments marked spam
 */
public record AuthorHistory(String email, long approved, long pending, long spam) {

    public String getEmail() {
        return this.email;
    }

    public long getApproved() {
        return this.approved;
    }

    public long getPending() {
        return this.pending;
    }

    public long getSpam() {
        return this.spam;
    }

}
