package org.gazette.article;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The newsroom's photos, kept in the database so that every node serves the same ones:
 * an upload is checked and stripped of its metadata ({@link PhotoIntake}), then stored
 * once per content hash, which also names the address it is served from.
 */
@Service
public class PhotoLibrary {

    private static final String MEDIA = "/media/";

    private static final Pattern NAME = Pattern.compile("([0-9a-f]{64})\\.(jpg|png)");

    private final PhotoIntake intake;

    private final JdbcTemplate jdbc;

    private final Clock clock;

    /** One decoding at a time: a large photo's pixels take a lot of memory while it is checked. */
    private final Lock decoding = new ReentrantLock();

    PhotoLibrary(PhotoProperties properties, JdbcTemplate jdbc, Clock clock) {
        this.intake = new PhotoIntake(properties.maxBytes().toBytes());
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Checks an uploaded photo, strips its metadata and keeps it; the same image uploaded
     * again is kept once.
     * @param fileName the name the file was uploaded under
     * @param bytes the file
     * @return where the photo is served and its size
     * @throws PhotoRefusedException if the file is refused; its message tells the editor why
     */
    public StoredPhoto store(String fileName, byte[] bytes) throws PhotoRefusedException {
        CleanPhoto photo;
        this.decoding.lock();
        try {
            photo = this.intake.accept(fileName, bytes);
        }
        finally {
            this.decoding.unlock();
        }
        this.jdbc.update("""
                INSERT INTO photo_image (sha256, media_type, width, height, byte_size, bytes, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", photo.sha256(), photo.mediaType(),
                photo.width(), photo.height(), photo.bytes().length, photo.bytes(),
                OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC));
        return new StoredPhoto("/media/" + photo.sha256() + "." + photo.extension(), photo.width(), photo.height(),
                photo.mediaType());
    }

    /**
     * The stored photo at an address this library serves ({@code /media/{sha256}.{ext}}),
     * without its bytes; empty when the address names no stored photo.
     * @param url the address, as an article's body gives it
     * @return where it is served, its size and type
     */
    public Optional<StoredPhoto> lookUp(String url) {
        if (url == null || !url.startsWith(MEDIA)) {
            return Optional.empty();
        }
        Matcher parts = NAME.matcher(url.substring(MEDIA.length()));
        if (!parts.matches()) {
            return Optional.empty();
        }
        String mediaType = "jpg".equals(parts.group(2)) ? "image/jpeg" : "image/png";
        return this.jdbc
            .query("SELECT width, height FROM photo_image WHERE sha256 = ? AND media_type = ?",
                    (row, number) -> new StoredPhoto(url, row.getInt(1), row.getInt(2), mediaType), parts.group(1),
                    mediaType)
            .stream()
            .findFirst();
    }

    /**
     * The stored photo a served file name ({@code {sha256}.{ext}}) stands for; empty when
     * the name is not of that form or names no stored photo.
     * @param name the file name from the address
     * @return the photo's bytes and type
     */
    public Optional<PhotoFile> find(String name) {
        Matcher parts = NAME.matcher(name);
        if (!parts.matches()) {
            return Optional.empty();
        }
        String sha256 = parts.group(1);
        String mediaType = "jpg".equals(parts.group(2)) ? "image/jpeg" : "image/png";
        return this.jdbc
            .query("SELECT bytes FROM photo_image WHERE sha256 = ? AND media_type = ?",
                    (row, number) -> row.getBytes(1), sha256, mediaType)
            .stream()
            .findFirst()
            .map((bytes) -> new PhotoFile(sha256, mediaType, bytes));
    }

}
