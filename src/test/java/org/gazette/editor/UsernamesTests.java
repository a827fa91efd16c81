package org.gazette.editor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one username rule: surrounding spaces go, letters are lower-cased, and anything a
 * username may not contain refuses the whole name rather than being dropped or folded.
 */
class UsernamesTests {

    @Test
    void dropsSurroundingSpacesAndLowerCases() {
        assertThat(Usernames.canonical(" EDITOR ")).contains("editor");
        assertThat(Usernames.canonical("Night.Desk_2-b@gazette")).contains("night.desk_2-b@gazette");
    }

    @ParameterizedTest
    @ValueSource(strings = { "\u0007editor", "editor\u0000", "\teditor", "editor\n", "ed\u200Bitor", "edıtor",
            "EDİTOR", "\u212Aate", "ed itor", "editor!", "", "   ", "édito" })
    void refusesWhatAUsernameMayNotContain(String typed) {
        assertThat(Usernames.canonical(typed)).isEmpty();
    }

    @Test
    void refusesNothingAndTooLong() {
        assertThat(Usernames.canonical(null)).isEmpty();
        assertThat(Usernames.canonical("a".repeat(Usernames.MAX_LENGTH))).isPresent();
        assertThat(Usernames.canonical("a".repeat(Usernames.MAX_LENGTH + 1))).isEmpty();
    }

    @Test
    void makesWhatWasTypedSafeAndShortForTheLog() {
        assertThat(Usernames.loggable("\u0007editor\u0000")).isEqualTo("?editor?");
        assertThat(Usernames.loggable("ed\u202Eitor")).isEqualTo("ed?itor");
        assertThat(Usernames.loggable("x".repeat(500))).hasSize(Usernames.MAX_LENGTH + 1).endsWith("…");
        assertThat(Usernames.loggable(null)).isEmpty();
    }

}
