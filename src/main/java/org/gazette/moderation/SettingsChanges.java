package org.gazette.moderation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.gazette.comment.CommentRules;
import org.gazette.comment.ModerationMode;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * What a settings form changes in the rules, in words an editor reads in the audit log
 * ("Moderation mode: first-time → all; Moderation words added: “casino”").
 */
final class SettingsChanges {

    /** Terms listed by name in one line; the rest are counted. */
    static final int LISTED_TERMS = 20;

    private final List<MessageSourceResolvable> changes;

    private SettingsChanges(List<MessageSourceResolvable> changes) {
        this.changes = List.copyOf(changes);
    }

    /** The changes from the rules in force to the form's values. */
    static SettingsChanges between(CommentRules before, SettingsForm after) {
        List<MessageSourceResolvable> changes = new ArrayList<>();
        if (before.mode() != after.getMode()) {
            changes.add(change("settings.change.mode", label(before.mode()), label(after.getMode())));
        }
        if (before.maxLinks() != after.getMaxLinks()) {
            changes.add(change("settings.change.maxLinks", before.maxLinks(), after.getMaxLinks()));
        }
        if (before.closeAfterDays() != after.getCloseAfterDays()) {
            changes.add(change("settings.change.closeAfterDays", before.closeAfterDays(), after.getCloseAfterDays()));
        }
        terms(changes, "settings.change.disallowed", before.disallowedWords(), after.disallowedTerms());
        terms(changes, "settings.change.moderation", before.moderationWords(), after.moderationTerms());
        return new SettingsChanges(changes);
    }

    boolean isEmpty() {
        return this.changes.isEmpty();
    }

    /** Each change as a sentence. */
    List<String> lines(MessageSource messages, Locale locale) {
        return this.changes.stream().map((change) -> messages.getMessage(change, locale)).toList();
    }

    /** All changes in one line, for the audit log. */
    String describe(MessageSource messages, Locale locale) {
        return String.join("; ", lines(messages, locale));
    }

    private static void terms(List<MessageSourceResolvable> changes, String code, List<String> before,
            List<String> after) {
        List<String> added = after.stream().filter((term) -> !before.contains(term)).toList();
        List<String> removed = before.stream().filter((term) -> !after.contains(term)).toList();
        if (!added.isEmpty()) {
            changes.add(listChange(code + ".added", added));
        }
        if (!removed.isEmpty()) {
            changes.add(listChange(code + ".removed", removed));
        }
    }

    private static MessageSourceResolvable listChange(String code, List<String> terms) {
        String listed = terms.stream()
            .limit(LISTED_TERMS)
            .map((term) -> "\u201C" + term + "\u201D")
            .collect(Collectors.joining(", "));
        int more = terms.size() - LISTED_TERMS;
        return (more > 0) ? change(code + ".more", listed, more) : change(code, listed);
    }

    private static String label(ModerationMode mode) {
        return (mode != null) ? mode.key() : "";
    }

    private static MessageSourceResolvable change(String code, Object... arguments) {
        return new DefaultMessageSourceResolvable(new String[] { code }, arguments);
    }

}
