package org.gazette.comment;

/** Published when editors change the comment rules (which may open or close articles). */
public record CommentRulesChanged() {

}
