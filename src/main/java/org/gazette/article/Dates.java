package org.gazette.article;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Formats times in the newsroom's zone and a fixed locale, whatever the browser asks.
 * Templates call it as {@code @dates}.
 */
@Component("dates")
public class Dates {

    private final DateTimeFormatter day;

    private final DateTimeFormatter dayAndTime;

    private final DateTimeFormatter iso;

    public Dates(SiteProperties site) {
        this.day = DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.CANADA).withZone(site.timeZone());
        this.dayAndTime = DateTimeFormatter.ofPattern("MMMM d, uuuu 'at' h:mm a", Locale.CANADA)
            .withZone(site.timeZone());
        this.iso = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(site.timeZone());
    }

    /** {@code January 12, 2022} */
    public String day(Instant instant) {
        return this.day.format(instant);
    }

    /** {@code January 12, 2022 at 3:04 p.m.} */
    public String dayAndTime(Instant instant) {
        return this.dayAndTime.format(instant);
    }

    /** For {@code <time datetime>}: {@code 2022-01-12T12:00:00-05:00} */
    public String iso(Instant instant) {
        return this.iso.format(instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

}
