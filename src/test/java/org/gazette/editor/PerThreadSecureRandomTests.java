package org.gazette.editor;

import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PerThreadSecureRandomTests {

    @Test
    void everyMaskIsNewWhicheverThreadAsks() throws Exception {
        PerThreadSecureRandom random = new PerThreadSecureRandom();
        Set<String> masks = ConcurrentHashMap.newKeySet();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            for (int i = 0; i < 4_000; i++) {
                threads.execute(() -> {
                    byte[] mask = new byte[32];
                    random.nextBytes(mask);
                    masks.add(HexFormat.of().formatHex(mask));
                });
            }
        }
        finally {
            threads.shutdown();
            assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(masks).hasSize(4_000);
        Set<Long> numbers = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            numbers.add(random.nextLong());
        }
        assertThat(numbers).hasSize(100);
    }

}
