package org.gazette.moderation;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.gazette.comment.CommentRules;
import org.gazette.comment.ModerationMode;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The readable account of a settings change that goes into the audit log. */
class SettingsChangesTests {

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    SettingsChangesTests() {
        this.messages.setBasenames("messages", "desk", "desk-admin");
        this.messages.setDefaultEncoding("UTF-8");
        this.messages.setFallbackToSystemLocale(false);
    }

    private final CommentRules before = new CommentRules(ModerationMode.FIRST_TIME, 2, 0, 5, Duration.ZERO,
            List.of("viagra"), List.of("casino", "lottery"));

    @Test
    void describesEachChangeFromBeforeToAfter() {
        SettingsForm form = form(ModerationMode.ALL, 3, 30, "viagra\ncialis", "casino");
        assertThat(SettingsChanges.between(this.before, form).describe(this.messages, Locale.CANADA))
            .isEqualTo("Moderation mode: first-time \u2192 all; Link limit: 2 \u2192 3; "
                    + "Close comments after (days): 0 \u2192 30; Disallowed words added: \u201Ccialis\u201D; "
                    + "Moderation words removed: \u201Clottery\u201D");
    }

    @Test
    void findsNothingWhenOnlyCaseSpacingOrOrderDiffer() {
        SettingsForm form = form(ModerationMode.FIRST_TIME, 2, 0, "  VIAGRA \n\n", "lottery\r\nCasino");
        assertThat(SettingsChanges.between(this.before, form).isEmpty()).isTrue();
    }

    @Test
    void countsTermsBeyondTheListedOnes() {
        StringBuilder many = new StringBuilder("viagra");
        for (int i = 0; i < SettingsChanges.LISTED_TERMS + 5; i++) {
            many.append("\nterm").append(i);
        }
        SettingsForm form = form(ModerationMode.FIRST_TIME, 2, 0, many.toString(), "casino\nlottery");
        String line = SettingsChanges.between(this.before, form).describe(this.messages, Locale.CANADA);
        assertThat(line).startsWith("Disallowed words added: \u201Cterm0\u201D").endsWith("and 5 more");
        assertThat(line).doesNotContain("term20");
    }

    private static SettingsForm form(ModerationMode mode, int maxLinks, int closeAfterDays, String disallowed,
            String moderation) {
        SettingsForm form = new SettingsForm();
        form.setMode(mode);
        form.setMaxLinks(maxLinks);
        form.setCloseAfterDays(closeAfterDays);
        form.setDisallowedWords(disallowed);
        form.setModerationWords(moderation);
        return form;
    }

}
