package org.gazette.exchange;

/** Told how far an export has come, often; decides itself how often to show it. */
@FunctionalInterface
public interface ExportProgress {

    ExportProgress NONE = (articles, comments) -> {
    };

    void advanced(long articles, long comments);

}
