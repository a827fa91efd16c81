package org.gazette.web;

import org.gazette.article.PhotoFile;
import org.gazette.article.PhotoLibrary;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The photos editors uploaded, read from the database (so every node serves them) under
 * their content-hashed names: the bytes behind a name never change, so browsers and
 * proxies keep them for a year without asking again, and the hash is the entity tag.
 */
@Controller
class MediaController {

    static final String CACHE_FOR_A_YEAR = "public, max-age=31536000, immutable";

    private final PhotoLibrary photos;

    MediaController(PhotoLibrary photos) {
        this.photos = photos;
    }

    @GetMapping("/media/{name}")
    ResponseEntity<byte[]> photo(@PathVariable String name) {
        PhotoFile file = this.photos.find(name).orElseThrow(PhotoNotFoundException::new);
        return ResponseEntity.ok()
            .header(HttpHeaders.CACHE_CONTROL, CACHE_FOR_A_YEAR)
            .eTag(file.sha256())
            .contentType(MediaType.parseMediaType(file.mediaType()))
            .body(file.bytes());
    }

    /** No stored photo has the name asked for. */
    @ResponseStatus(HttpStatus.NOT_FOUND)
    static class PhotoNotFoundException extends RuntimeException {

        PhotoNotFoundException() {
            super("No such photo");
        }

    }

}
