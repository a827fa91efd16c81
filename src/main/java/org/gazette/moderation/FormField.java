package org.gazette.moderation;

/**
 * A hidden form field a desk page carries along (where to come back to after an
 * action).
 *
 * @param name the field's name
 * @param value its value
 */
public record FormField(String name, String value) {

    public String getName() {
        return this.name;
    }

    public String getValue() {
        return this.value;
    }

}
