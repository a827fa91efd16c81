package org.gazette.comment;

import java.time.Instant;

/**
 * The rules in force with the stored settings row they were read from: its version
 * (moved by every save) and when it was last saved.
 *
 * @param rules the rules
 * @param version the settings row's version
 * @param changedAt when the settings were last saved, or {@code null} if never
 */
public record RulesInForce(CommentRules rules, long version, Instant changedAt) {

}
