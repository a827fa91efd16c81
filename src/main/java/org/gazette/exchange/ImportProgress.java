package org.gazette.exchange;

/**
 * Hears how far an import has come: about every thousand items or half a second,
 * whichever comes first, and once at the end of each phase.
 */
@FunctionalInterface
public interface ImportProgress {

    /** Ignores progress. */
    ImportProgress NONE = (soFar) -> {
    };

    void advanced(ImportCounts soFar);

}
