package org.gazette.moderation;

import java.io.Serializable;
import java.util.List;

/**
 * A message at the top of a desk page after an action: what changed, or why nothing
 * did. It travels to the next page as a flash attribute.
 *
 * @param level {@code success}, {@code warning} or {@code error}
 * @param lines sentences; the first one is the headline
 * @param items one line per comment concerned (conflicts and refusals)
 */
public record DeskNotice(String level, List<String> lines, List<Item> items) implements Serializable {

    public DeskNotice {
        lines = List.copyOf(lines);
        items = List.copyOf(items);
    }

    public String getLevel() {
        return this.level;
    }

    public List<String> getLines() {
        return this.lines;
    }

    public List<Item> getItems() {
        return this.items;
    }

    /** Whether it reports a problem (read out at once by screen readers). */
    public boolean isAlert() {
        return !"success".equals(this.level);
    }

    /**
     * A line about one comment, with a link to it where it still exists.
     *
     * @param text the sentence
     * @param url where the comment is now, or {@code null}
     */
    public record Item(String text, String url) implements Serializable {

        public String getText() {
            return this.text;
        }

        public String getUrl() {
            return this.url;
        }

    }

}
