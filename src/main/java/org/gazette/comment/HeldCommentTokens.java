package org.gazette.comment;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.gazette.StartUpLock;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * Signed, unguessable tokens that let the author of a held comment see it, and nobody
 * else, for 24 hours (WordPress's {@code moderation-hash}). A token names the comment
 * and its expiry and carries an HMAC-SHA256 over both; without the key it cannot be
 * made or altered. The key comes from {@code gazette.comments.token-secret} or is
 * generated once and kept in the database (under the {@link StartUpLock}, so nodes that
 * start together share one key).
 */
@Component
public class HeldCommentTokens {

    static final Duration VALIDITY = Duration.ofHours(24);

    private static final String KEY_NAME = "held-comment-token-key";

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final Clock clock;

    private final byte[] key;

    HeldCommentTokens(CommentProperties properties, AppSecretRepository secrets, TransactionTemplate transactions,
            Clock clock, StartUpLock startUpLock) {
        this.clock = clock;
        if (StringUtils.hasText(properties.tokenSecret())) {
            this.key = properties.tokenSecret().getBytes(StandardCharsets.UTF_8);
        }
        else {
            String stored = transactions.execute((status) -> {
                startUpLock.hold();
                return storedKey(secrets);
            });
            this.key = Base64.getUrlDecoder().decode(stored);
        }
    }

    private String storedKey(AppSecretRepository secrets) {
        return secrets.findById(KEY_NAME).map(AppSecret::getSecretValue).orElseGet(() -> {
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String value = ENCODER.encodeToString(bytes);
            secrets.saveAndFlush(new AppSecret(KEY_NAME, value, this.clock.instant()));
            return value;
        });
    }

    /** A token for the comment, valid for 24 hours from now. */
    public String issue(long commentId) {
        long expires = this.clock.instant().plus(VALIDITY).getEpochSecond();
        String payload = commentId + "." + expires;
        return payload + "." + sign(payload);
    }

    /** The comment id the token was issued for, if the token is genuine and unexpired. */
    public Optional<Long> verify(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        int last = token.lastIndexOf('.');
        int first = token.indexOf('.');
        if (first <= 0 || last <= first) {
            return Optional.empty();
        }
        String payload = token.substring(0, last);
        byte[] expected = sign(payload).getBytes(StandardCharsets.US_ASCII);
        byte[] given = token.substring(last + 1).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            return Optional.empty();
        }
        try {
            long id = Long.parseLong(token.substring(0, first));
            long expires = Long.parseLong(token.substring(first + 1, last));
            return this.clock.instant().isBefore(Instant.ofEpochSecond(expires)) ? Optional.of(id) : Optional.empty();
        }
        catch (NumberFormatException ex) {
            return Optional.empty();
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
