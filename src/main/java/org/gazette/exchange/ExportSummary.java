package org.gazette.exchange;

import java.time.Duration;

/** What an export wrote: how many articles and comments, and how long it took. */
public record ExportSummary(ExportFormat format, long articles, long comments, Duration elapsed) {

}
