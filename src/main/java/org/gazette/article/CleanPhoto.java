package org.gazette.article;

/**
 * An accepted photo, its pixels encoded again without any metadata.
 *
 * @param mediaType the type of {@code bytes}, {@code image/jpeg} or {@code image/png}
 * @param extension the file extension for that type, {@code jpg} or {@code png}
 * @param width the width in pixels
 * @param height the height in pixels
 * @param bytes the encoded image
 * @param sha256 the SHA-256 of {@code bytes}, in lowercase hex
 */
record CleanPhoto(String mediaType, String extension, int width, int height, byte[] bytes, String sha256) {

}
