package org.gazette.moderation;

import java.util.Locale;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.gazette.comment.CommentStatus;

import org.springframework.stereotype.Component;

/**
 * The moderation queue's size by status, the metric {@code gazette.moderation.queue}
 * tagged {@code status}: the desk's tab counts, which the queue keeps between writes, so
 * a scrape reads the database only after a change.
 */
@Component
class QueueMetrics implements MeterBinder {

    private final ModerationQueue queue;

    QueueMetrics(ModerationQueue queue) {
        this.queue = queue;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (CommentStatus status : CommentStatus.values()) {
            Gauge.builder("gazette.moderation.queue", this.queue, (queue) -> queue.counts(null).get(status))
                .description("Comments in each tab of the moderation queue")
                .tag("status", status.name().toLowerCase(Locale.ROOT))
                .strongReference(true)
                .register(registry);
        }
    }

}
