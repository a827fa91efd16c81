package org.gazette.comment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code gazette.bench.*} properties, read only in the {@code bench} profile: what
 * {@link BulkCommentImport} fills in when the application is ready.
 *
 * @param article the slug of the article to fill; empty picks the newest article
 * @param approved how many approved comments to add
 * @param pending how many comments to add to the moderation queue
 * @param seed the seed of the generated discussion; empty picks one at random
 * @param batchSize comments stored per transaction
 * @param readers how many different readers take part in the discussion
 */
@ConfigurationProperties("gazette.bench")
public record BenchProperties(String article, @DefaultValue("0") int approved, @DefaultValue("0") int pending,
        Long seed, @DefaultValue("500") int batchSize, @DefaultValue("2000") int readers) {

    public BenchProperties {
        if (approved < 0 || pending < 0) {
            throw new IllegalArgumentException("gazette.bench.approved and gazette.bench.pending cannot be negative");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("gazette.bench.batch-size must be at least 1");
        }
    }

}
