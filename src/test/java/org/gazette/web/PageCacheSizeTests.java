package org.gazette.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The page cache never takes more than an eighth of the heap. */
class PageCacheSizeTests {

    private static final long MB = 1024 * 1024;

    @Test
    void anEighthOfASmallHeap() {
        assertThat(PageCacheFilter.maxBytes(176 * MB)).isEqualTo(22 * MB);
    }

    @Test
    void atMostSixtyFourMegabytesOfALargeHeap() {
        assertThat(PageCacheFilter.maxBytes(1024 * MB)).isEqualTo(PageCacheFilter.MAX_BYTES).isEqualTo(64 * MB);
        assertThat(PageCacheFilter.maxBytes(Long.MAX_VALUE)).isEqualTo(64 * MB);
    }

}
