package org.gazette.article;

/**
 * A photo kept in the library: the address it is served from (named by its content's
 * hash, so it never changes meaning) and what a page needs to reserve its space.
 *
 * @param url the path the image is served from, {@code /media/{sha256}.{ext}}
 * @param width the width in pixels
 * @param height the height in pixels
 * @param mediaType the type of the stored bytes, {@code image/jpeg} or {@code image/png}
 */
public record StoredPhoto(String url, int width, int height, String mediaType) {

}
