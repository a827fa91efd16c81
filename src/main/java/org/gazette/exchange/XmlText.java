package org.gazette.exchange;

/** Text that XML 1.0 can carry: characters it forbids (most control characters) are dropped. */
final class XmlText {

    private XmlText() {
    }

    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder kept = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
                    || Character.isSurrogate(c) || (c >= 0xE000 && c <= 0xFFFD);
            if (!allowed && kept == null) {
                kept = new StringBuilder(text.length()).append(text, 0, i);
            }
            else if (allowed && kept != null) {
                kept.append(c);
            }
        }
        return (kept != null) ? kept.toString() : text;
    }

}
