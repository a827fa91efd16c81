package org.gazette.comment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paging by a window of approved threads merged with placeholders gives exactly the
 * pages of the full ordered list, for every page, whatever the mix.
 */
class ThreadPagingTests {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @ParameterizedTest
    @ValueSource(ints = { 1, 2, 3, 5, 7, 50 })
    void everyPageMatchesThePageOfTheFullList(int pageSize) {
        Random random = new Random(pageSize);
        for (int round = 0; round < 200; round++) {
            List<ThreadKey> approved = new ArrayList<>();
            List<ThreadKey> placeholders = new ArrayList<>();
            int threads = random.nextInt(40);
            for (long id = 1; id <= threads; id++) {
                // equal timestamps now and then, to exercise the tie-break by id
                ThreadKey key = new ThreadKey(id, T0.plusSeconds(id / 3));
                if (random.nextInt(5) == 0) {
                    placeholders.add(key);
                }
                else {
                    approved.add(key);
                }
            }
            List<ThreadKey> all = new ArrayList<>(approved);
            all.addAll(placeholders);
            all.sort(ThreadKey.ORDER);
            int pages = Math.max(1, (all.size() + pageSize - 1) / pageSize);
            for (int page = 1; page <= pages; page++) {
                long offset = (long) (page - 1) * pageSize;
                long start = ThreadPaging.windowStart(offset, placeholders);
                int windowSize = ThreadPaging.windowSize(pageSize, placeholders);
                List<ThreadKey> window = approved.subList((int) Math.min(start, approved.size()),
                        (int) Math.min(start + windowSize, approved.size()));
                List<ThreadKey> expected = all.subList((int) offset, (int) Math.min(offset + pageSize, all.size()));
                assertThat(ThreadPaging.page(placeholders, window, start, offset, pageSize))
                    .as("page %d of %s + %s", page, approved, placeholders)
                    .isEqualTo(expected);
            }
        }
    }

    @Test
    void positionCountsApprovedAndPlaceholderThreadsBefore() {
        List<ThreadKey> placeholders = List.of(new ThreadKey(2L, T0.plusSeconds(2)), new ThreadKey(9L, T0.plusSeconds(9)));
        ThreadKey thread = new ThreadKey(5L, T0.plusSeconds(5));
        assertThat(ThreadPaging.position(thread, 3, placeholders)).isEqualTo(4);
    }

}
