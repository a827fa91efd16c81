package org.gazette.moderation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Words the outcome of an action for the editor, from the message bundles. */
@Component
class DeskNotices {

    private final MessageSource messages;

    DeskNotices(MessageSource messages) {
        this.messages = messages;
    }

    /** "3 comments approved", and a line for each comment that conflicted or was refused. */
    DeskNotice of(ActionReport report) {
        List<String> lines = new ArrayList<>();
        List<DeskNotice.Item> items = new ArrayList<>();
        if (report.done() > 0) {
            lines.add(text("desk.done." + report.action().key(), report.done()));
        }
        if (!report.conflicts().isEmpty()) {
            int count = report.conflicts().size();
            lines.add((count == 1) ? text("desk.conflict.one") : text("desk.conflict.many", count));
            lines.add(text("desk.conflict.left", count));
            report.conflicts().forEach((conflict) -> items.add(item(conflict)));
        }
        if (!report.refusals().isEmpty()) {
            lines.add(text("desk.refused", report.refusals().size()));
            for (ActionReport.Refusal refusal : report.refusals()) {
                items.add(new DeskNotice.Item(text("desk.refused." + refusal.reason().name(), refusal.authorName(),
                        status(refusal.status().name())), commentUrl(refusal.id())));
            }
        }
        if (lines.isEmpty()) {
            lines.add(text("desk.done.none"));
        }
        boolean problems = !report.conflicts().isEmpty() || !report.refusals().isEmpty();
        String level = !problems ? "success" : ((report.done() > 0) ? "warning" : "error");
        return new DeskNotice(level, lines, items);
    }

    /** "This comment was changed by another editor." with where it stands now. */
    DeskNotice of(ActionReport.Conflict conflict) {
        return new DeskNotice("error", List.of(text("desk.conflict.one"), text("desk.conflict.left", 1)),
                List.of(item(conflict)));
    }

    DeskNotice success(String key, Object... args) {
        return new DeskNotice("success", List.of(text(key, args)), List.of());
    }

    DeskNotice success(String key, DeskNotice.Item item) {
        return new DeskNotice("success", List.of(text(key)), List.of(item));
    }

    DeskNotice error(String key, Object... args) {
        return new DeskNotice("error", List.of(text(key, args)), List.of());
    }

    String text(String key, Object... args) {
        return this.messages.getMessage(key, args, locale());
    }

    private DeskNotice.Item item(ActionReport.Conflict conflict) {
        String change = (conflict.lastEditor() != null && conflict.lastAction() != null)
                ? this.messages.getMessage("desk.change." + conflict.lastAction(), new Object[] { conflict.lastEditor() },
                        "", locale())
                : "";
        if (conflict.deleted()) {
            return new DeskNotice.Item(text("desk.conflict.deleted", Long.toString(conflict.id()), change).strip(),
                    null);
        }
        return new DeskNotice.Item(
                text("desk.conflict.state", conflict.authorName(), status(conflict.current().name()), change).strip(),
                commentUrl(conflict.id()));
    }

    private String status(String name) {
        return text("desk.state." + name);
    }

    private static String commentUrl(long id) {
        return "/moderation/comments/" + id;
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

}
