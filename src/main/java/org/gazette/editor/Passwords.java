package org.gazette.editor;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/** Generated passwords, and the limits on chosen ones. */
final class Passwords {

    private static final SecureRandom random = new SecureRandom();

    private Passwords() {
    }

    /** 144 random bits as 24 URL-safe characters: easy to copy, impossible to guess. */
    static String generate() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether a chosen password is long enough, and short enough for BCrypt. */
    static boolean acceptable(String password) {
        return password != null && longEnough(password) && withinByteLimit(password);
    }

    static boolean longEnough(String password) {
        return password.codePointCount(0, password.length()) >= EditorAccountService.MIN_PASSWORD_LENGTH;
    }

    /** BCrypt reads only the first 72 bytes: a longer password would be silently cut. */
    static boolean withinByteLimit(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= EditorAccountService.MAX_PASSWORD_BYTES;
    }

}
