package org.gazette.comment;

import java.text.Normalizer;

/**
 * How typed text is normalised before it is counted or stored: line endings to
 * {@code \n}, Unicode NFC, surrounding white space trimmed.
 */
public final class Texts {

    private Texts() {
    }

    public static String normalise(String value) {
        if (value == null) {
            return null;
        }
        String text = value.replace("\r\n", "\n").replace('\r', '\n');
        return Normalizer.normalize(text, Normalizer.Form.NFC).strip();
    }

    /** Whether the text holds a control character other than a newline or a tab. */
    public static boolean hasControlCharacters(String value) {
        return value.codePoints()
            .anyMatch((cp) -> cp != '\n' && cp != '\t' && (Character.getType(cp) == Character.CONTROL
                    || cp == 0x2028 || cp == 0x2029 || (cp >= 0xFFF9 && cp <= 0xFFFB)));
    }

    public static int codePoints(String value) {
        return value.codePointCount(0, value.length());
    }

}
