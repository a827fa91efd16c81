package org.gazette.editor;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Random bytes from a generator of the calling thread's own (a DRBG, seeded by the
 * system), for the mask Spring Security puts over every page's CSRF token.
 * <p>
 * The default {@code new SecureRandom()} here is the system's {@code NativePRNG}, which
 * serves every thread under one global lock: with the moderation queue loaded at 16
 * connections, request threads waited on it 10 ms and more, 36 times in 15 s, behind a
 * thread the scheduler had paused while it held the lock.
 */
final class PerThreadSecureRandom extends SecureRandom {

    private static final long serialVersionUID = 1L;

    private final transient ThreadLocal<SecureRandom> generators = ThreadLocal
        .withInitial(PerThreadSecureRandom::newGenerator);

    @Override
    public void nextBytes(byte[] bytes) {
        this.generators.get().nextBytes(bytes);
    }

    @Override
    public int nextInt() {
        return this.generators.get().nextInt();
    }

    @Override
    public long nextLong() {
        return this.generators.get().nextLong();
    }

    private static SecureRandom newGenerator() {
        try {
            return SecureRandom.getInstance("DRBG");
        }
        catch (NoSuchAlgorithmException ex) {
            return new SecureRandom();
        }
    }

}
