package org.gazette.exchange;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How an import treats what the file cannot tell on its own.
 * <p>
 * Staff: a WordPress export lists the site's users ({@code wp:author}) and marks each
 * comment a signed-in user wrote with that user's id ({@code wp:comment_user_id}).
 * Comments are given the Staff badge only when the operator names the logins of the
 * users who are staff; a comment by anyone else, and every comment when no login is
 * named, is a reader's. Disqus exports carry no such list, so they are never staff.
 *
 * @param staffLogins the WordPress logins ({@code wp:author_login}) whose comments are
 * staff comments, compared without regard to case; empty for none
 */
public record ImportOptions(Set<String> staffLogins) {

    public ImportOptions {
        staffLogins = (staffLogins != null)
                ? staffLogins.stream().map((login) -> login.strip().toLowerCase(Locale.ROOT))
                    .filter((login) -> !login.isEmpty()).collect(Collectors.toUnmodifiableSet())
                : Set.of();
    }

    /** No staff matching. */
    public static ImportOptions defaults() {
        return new ImportOptions(Set.of());
    }

    /** Whether WordPress users are matched to staff at all. */
    public boolean staffFromWordPress() {
        return !this.staffLogins.isEmpty();
    }

    /** Whether the WordPress login is one the operator named as staff. */
    public boolean isStaff(String login) {
        return login != null && this.staffLogins.contains(login.strip().toLowerCase(Locale.ROOT));
    }

}
