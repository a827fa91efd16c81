package org.gazette.editor;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one username rule, for sign-in, the sign-in throttle and new accounts alike: a
 * username is ASCII letters, digits and {@code . _ @ -}, at most {@value #MAX_LENGTH}
 * characters; its canonical form drops surrounding spaces and lower-cases it. Anything
 * else (a control character, a dotless ı, a Kelvin sign) refuses the whole name rather
 * than being dropped or folded into a name it is not.
 */
public final class Usernames {

    /** The longest username. */
    public static final int MAX_LENGTH = 100;

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._@-]{1," + MAX_LENGTH + "}");

    private Usernames() {
    }

    /** The canonical form of a typed username, or empty when the rule refuses it. */
    public static Optional<String> canonical(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String name = withoutSurroundingSpaces(typed);
        return ALLOWED.matcher(name).matches() ? Optional.of(name.toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    /** Whether the text is a username in its canonical form. */
    public static boolean isCanonical(String name) {
        return name != null && canonical(name).filter(name::equals).isPresent();
    }

    /**
     * A typed username made safe for one line of a log: control and formatting
     * characters become {@code ?} and it is cut after {@value #MAX_LENGTH} characters.
     */
    public static String loggable(String typed) {
        if (typed == null) {
            return "";
        }
        String cut = (typed.length() > MAX_LENGTH) ? typed.substring(0, MAX_LENGTH) : typed;
        String safe = cut.replaceAll("[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cn}\\p{Zl}\\p{Zp}\\p{Cs}]", "?");
        return (typed.length() > MAX_LENGTH) ? safe + "…" : safe;
    }

    private static String withoutSurroundingSpaces(String typed) {
        int start = 0;
        int end = typed.length();
        while (start < end && typed.charAt(start) == ' ') {
            start++;
        }
        while (end > start && typed.charAt(end - 1) == ' ') {
            end--;
        }
        return typed.substring(start, end);
    }

}
