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
 * browser that signs in to an account gets a cookie naming that account, signed with
 * HMAC-SHA256, so that while strangers have spent the account's budget of failed
 * sign-ins, its editor's own browser can still sign in. The key is generated once and
 * kept in the database, so every node and every restart accepts the same cookies.
 */
class DeviceCookies {

    static final String NAME = "GAZETTE_DEVICE";

    /** How long a browser stays known without signing in again. */
    static final Duration VALIDITY = Duration.ofDays(180);

    private static final String KEY_NAME = "editor-device-cookie-key";

    private static final int MAX_VALUE_LENGTH = 300;

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final byte[] key;

    private final Clock clock;

    DeviceCookies(byte[] key, Clock clock) {
        this.key = key.clone();
        this.clock = clock;
    }

    /** Device cookies signed with the key kept in the database (made on first use). */
    static DeviceCookies withStoredKey(JdbcTemplate jdbc, Clock clock) {
        return new DeviceCookies(Base64.getUrlDecoder().decode(storedKey(jdbc, clock)), clock);
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

    /** Marks the browser as one that signed in to the account. */
    void issue(HttpServletRequest request, HttpServletResponse response, String username) {
        String payload = ENCODER.encodeToString(username.getBytes(StandardCharsets.UTF_8)) + "."
                + this.clock.instant().getEpochSecond();
        ResponseCookie cookie = ResponseCookie.from(NAME, payload + "." + sign(payload))
            .path(request.getContextPath() + "/login")
            .maxAge(VALIDITY)
            .httpOnly(true)
            .secure(request.isSecure())
            .sameSite("Lax")
            .build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }

    /** Whether the browser carries a genuine, unexpired device cookie for the account. */
    boolean recognises(HttpServletRequest request, String username) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return false;
        }
        for (Cookie cookie : cookies) {
            if (NAME.equals(cookie.getName()) && names(cookie.getValue(), username)) {
                return true;
            }
        }
        return false;
    }

    private boolean names(String value, String username) {
        if (value == null || value.length() > MAX_VALUE_LENGTH) {
            return false;
        }
        int last = value.lastIndexOf('.');
        int first = value.indexOf('.');
        if (first <= 0 || last <= first) {
            return false;
        }
        String payload = value.substring(0, last);
        byte[] expected = sign(payload).getBytes(StandardCharsets.US_ASCII);
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
