package org.gazette.article;

/**
 * A stored photo's bytes as served to readers.
 *
 * @param sha256 the SHA-256 of the bytes, in hex: the name and the entity tag
 * @param mediaType the type of the bytes
 * @param bytes the image, metadata already stripped
 */
public record PhotoFile(String sha256, String mediaType, byte[] bytes) {

}
