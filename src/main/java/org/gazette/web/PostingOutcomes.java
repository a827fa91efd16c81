package org.gazette.web;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.gazette.comment.Verdict;

import org.springframework.stereotype.Component;

/**
 * Counts what became of each comment post, by the rule that decided: the metric
 * {@code gazette.comments.posts}, tagged {@code outcome} (approved, held, spam, or the
 * refusal: duplicate, flood, rate-limited, too-large, cross-site, invalid, closed) and
 * {@code reason} (the screening rule behind an accepted comment's status, else none).
 */
@Component
class PostingOutcomes {

    static final String METRIC = "gazette.comments.posts";

    /** The refusals, each named as its {@code outcome} tag. */
    enum Refusal {

        DUPLICATE, FLOOD, RATE_LIMITED, TOO_LARGE, CROSS_SITE, INVALID, CLOSED;

        String tag() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

    }

    private final MeterRegistry registry;

    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    PostingOutcomes(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A comment was stored in the status screening decided. */
    void accepted(Verdict verdict) {
        String outcome = switch (verdict.status()) {
            case APPROVED -> "approved";
            case PENDING -> "held";
            default -> verdict.status().name().toLowerCase(Locale.ROOT);
        };
        count(outcome, verdict.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    /** A post was refused. */
    void refused(Refusal refusal) {
        count(refusal.tag(), "none");
    }

    private void count(String outcome, String reason) {
        this.counters
            .computeIfAbsent(outcome + "/" + reason,
                    (key) -> Counter.builder(METRIC)
                        .description("Comment posts by what became of them")
                        .tag("outcome", outcome)
                        .tag("reason", reason)
                        .register(this.registry))
            .increment();
    }

}
