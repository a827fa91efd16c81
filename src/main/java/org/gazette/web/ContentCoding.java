package org.gazette.web;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The codings Gazette sends a page in, and which one a reader's {@code Accept-Encoding}
 * asks for: gzip when its quality is above zero and no lower than the plain page's
 * ({@code gzip}, {@code x-gzip} or {@code *}, RFC 9110 section 12.5.3), the plain page
 * otherwise, also when nothing is acceptable. Each coding's entity tag is the plain
 * page's with a suffix inside the quotes, so that a tag validates only its own bytes.
 */
enum ContentCoding {

    IDENTITY(null, ""), GZIP("gzip", "-gzip");

    private static final Pattern QUALITY = Pattern.compile("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?");

    private final String name;

    private final String tagSuffix;

    ContentCoding(String name, String tagSuffix) {
        this.name = name;
        this.tagSuffix = tagSuffix;
    }

    /** The {@code Content-Encoding} of this coding, or null for the plain page. */
    String headerValue() {
        return this.name;
    }

    /** The entity tag of this coding of the page whose plain tag ({@code W/"..."} or {@code "..."}) is given. */
    String tag(String plainTag) {
        return this.tagSuffix.isEmpty() ? plainTag
                : plainTag.substring(0, plainTag.length() - 1) + this.tagSuffix + "\"";
    }

    /** The coding a reader who sent this {@code Accept-Encoding} (null when absent) gets. */
    static ContentCoding chosenFor(String acceptEncoding) {
        if (acceptEncoding == null) {
            return IDENTITY;
        }
        double gzip = -1;
        double identity = -1;
        double any = -1;
        for (String element : acceptEncoding.split(",")) {
            String[] parts = element.split(";", -1);
            String coding = parts[0].strip().toLowerCase(Locale.ROOT);
            double quality = quality(parts);
            if (coding.isEmpty() || Double.isNaN(quality)) {
                continue;
            }
            switch (coding) {
                case "gzip", "x-gzip" -> gzip = Math.max(gzip, quality);
                case "identity" -> identity = quality;
                case "*" -> any = quality;
                default -> {
                }
            }
        }
        double gzipQuality = (gzip >= 0) ? gzip : any;
        double identityQuality = (identity >= 0) ? identity : Math.max(any, 0);
        return (gzipQuality > 0 && gzipQuality >= identityQuality) ? GZIP : IDENTITY;
    }

    /** The element's {@code q} parameter (1 without one), or NaN when it is not a valid quality value. */
    private static double quality(String[] parts) {
        double quality = 1;
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            if (parameter.length() < 2 || Character.toLowerCase(parameter.charAt(0)) != 'q'
                    || parameter.charAt(1) != '=') {
                continue;
            }
            String value = parameter.substring(2).strip();
            if (!QUALITY.matcher(value).matches()) {
                return Double.NaN;
            }
            quality = Double.parseDouble(value);
        }
        return quality;
    }

}
