package org.gazette.editor;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Device cookies (OWASP, "Slow down online guessing attacks with device cookies"): a
 * browser that signs in to an account gets a cookie of that account's own (several
 * editors can share a browser), signed with HMAC-SHA256 over the account, the time and
 * a stamp of its password hash, so that while strangers have spent the account's budget
 * of failed sign-ins, its editor's own browser can still sign in, and a changed or reset
 * password revokes every cookie issued before. The key is generated once and kept in the
 * database, so every node and every restart accepts the same cookies.
 */
class DeviceCookies {

    /** The start of every device cookie's name; the rest names the account. */
    static final String NAME = "GAZETTE_DEVICE";

    /** How long a browser stays known without signing in again. */
    static final Duration VALIDITY = Duration.ofDays(180);

    private static final String KEY_NAME = "editor-device-cookie-key";

    private static final int MAX_VALUE_LENGTH = 300;

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final byte[] key;

    private final Clock clock;

    private final Function<String, Optional<String>> passwordHashes;

    /**
     * @param passwordHashes the password hash of the account with a username, if there is one
     */
    DeviceCookies(byte[] key, Clock clock, Function<String, Optional<String>> passwordHashes) {
        this.key = key.clone();
        this.clock = clock;
        this.passwordHashes = passwordHashes;
    }

    /** Device cookies signed with the key kept in the database (made on first use). */
    static DeviceCookies withStoredKey(JdbcTemplate jdbc, Clock clock,
            Function<String, Optional<String>> passwordHashes) {
        return new DeviceCookies(Base64.getUrlDecoder().decode(storedKey(jdbc, clock)), clock, passwordHashes);
    }

    /** The name of the account's device cookie. */
    static String nameFor(String username) {
        return NAME + "_" + digest(username).substring(0, 16);
    }

    private static String storedKey(JdbcTemplate jdbc, Clock clock) {
        List<String> stored = jdbc.queryForList("select secret_value from app_secret where name = ?", String.class,
                KEY_NAME);
        if (!stored.isEmpty()) {
            return stored.get(0);
        }
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        try {
            jdbc.update("insert into app_secret (name, secret_value, created_at) values (?, ?, ?)", KEY_NAME,
                    ENCODER.encodeToString(bytes), Timestamp.from(clock.instant()));
            return ENCODER.encodeToString(bytes);
        }
        catch (DuplicateKeyException ex) {
            // another node made it first
            return jdbc.queryForObject("select secret_value from app_secret where name = ?", String.class, KEY_NAME);
        }
    }

    /** Marks the browser as one that signed in to the account with its password of now. */
    void issue(HttpServletRequest request, HttpServletResponse response, String username) {
        String stamp = this.passwordHashes.apply(username).map(DeviceCookies::stamp).orElse("");
        String payload = ENCODER.encodeToString(username.getBytes(StandardCharsets.UTF_8)) + "."
                + this.clock.instant().getEpochSecond();
        ResponseCookie cookie = ResponseCookie.from(nameFor(username), payload + "." + sign(payload + "." + stamp))
            .path(request.getContextPath() + "/login")
            .maxAge(VALIDITY)
            .httpOnly(true)
            .secure(request.isSecure())
            .sameSite("Lax")
            .build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }

    /**
     * The browser's genuine, unexpired device cookie for the account, issued since its
     * password last changed: the key the sign-in limits count that browser under, or
     * empty. The account is looked up only when the browser carries a cookie for it.
     */
    Optional<String> recognise(HttpServletRequest request, String username) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        String name = nameFor(username);
        for (Cookie cookie : cookies) {
            if (name.equals(cookie.getName())) {
                Optional<String> stamp = this.passwordHashes.apply(username).map(DeviceCookies::stamp);
                if (stamp.isPresent() && names(cookie.getValue(), username, stamp.get())) {
                    String value = cookie.getValue();
                    return Optional.of("device:" + value.substring(value.lastIndexOf('.') + 1));
                }
            }
        }
        return Optional.empty();
    }

    private static String stamp(String passwordHash) {
        return digest(passwordHash).substring(0, 16);
    }

    private static String digest(String text) {
        try {
            return ENCODER.encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private boolean names(String value, String username, String stamp) {
        if (value == null || value.length() > MAX_VALUE_LENGTH) {
            return false;
        }
        int last = value.lastIndexOf('.');
        int first = value.indexOf('.');
        if (first <= 0 || last <= first) {
            return false;
        }
        String payload = value.substring(0, last);
        byte[] expected = sign(payload + "." + stamp).getBytes(StandardCharsets.US_ASCII);
        byte[] given = value.substring(last + 1).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            return false;
        }
        try {
            String named = new String(Base64.getUrlDecoder().decode(value.substring(0, first)),
                    StandardCharsets.UTF_8);
            Instant issued = Instant.ofEpochSecond(Long.parseLong(value.substring(first + 1, last)));
            return named.equals(username) && this.clock.instant().isBefore(issued.plus(VALIDITY));
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(this.key, "HmacSHA256"));
            return ENCODER.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
