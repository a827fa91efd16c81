package org.gazette.article;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;

/**
 * Decides what an uploaded photo really is from its bytes (never from its name) and
 * refuses anything but a whole JPEG, PNG or WebP image whose name says the same, of
 * bounded size and pixel count, with nothing hidden before or after it; then decodes it
 * and encodes the pixels again, so that no metadata (Exif, GPS, camera, XMP, comments,
 * PNG text) reaches readers. JPEG stays JPEG and PNG stays PNG. WebP is read with
 * TwelveMonkeys ImageIO ({@code imageio-webp}), which cannot write WebP, so a WebP is
 * stored as PNG when it has transparency and as JPEG otherwise.
 */
public final class PhotoIntake {

    /** The longest side accepted, in pixels. */
    static final int MAX_SIDE = 10_000;

    /** The most pixels accepted: the decoded image is held in memory, four bytes a pixel. */
    static final long MAX_PIXELS = 40_000_000L;

    private static final float JPEG_QUALITY = 0.9f;

    /** A ZIP archive's directory ends within this many bytes of the end of its file. */
    private static final int ZIP_TAIL = 65_557;

    private static final byte[] ZIP_END = { 'P', 'K', 5, 6 };

    private static final String[] MARKUP = { "<html", "<script", "<?php", "<iframe" };

    private final long maxBytes;

    /**
     * @param maxBytes the largest file accepted
     */
    public PhotoIntake(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * Checks an upload and returns its pixels re-encoded.
     * @param fileName the name the file was uploaded under
     * @param bytes the file
     * @return the clean image
     * @throws PhotoRefusedException with the reason, for the editor, if the file is refused
     */
    CleanPhoto accept(String fileName, byte[] bytes) throws PhotoRefusedException {
        if (bytes == null || bytes.length == 0) {
            throw new PhotoRefusedException("The file is empty.");
        }
        if (bytes.length > this.maxBytes) {
            throw new PhotoRefusedException("The file is " + size(bytes.length) + "; a photo may be at most "
                    + size(this.maxBytes) + ".");
        }
        ImageType type = ImageType.of(bytes);
        ImageType named = ImageType.named(fileName);
        if (named == null) {
            throw new PhotoRefusedException("The file's name must end in .jpg, .jpeg, .png or .webp.");
        }
        if (type == null) {
            String other = otherKind(bytes);
            throw new PhotoRefusedException("The file is not a JPEG, PNG or WebP image"
                    + ((other != null) ? " (it is " + other + ")" : "") + ".");
        }
        if (type != named) {
            throw new PhotoRefusedException(
                    "The file is a " + type.label + " image but its name says " + named.label + ".");
        }
        int end = type.end(bytes);
        if (end < bytes.length) {
            throw new PhotoRefusedException("The file has other data after the end of the " + type.label
                    + " image; save the photo again from an image editor.");
        }
        if (hiddenContent(bytes)) {
            throw new PhotoRefusedException("The file carries web page, script or archive content inside the "
                    + type.label + " image; save the photo again from an image editor.");
        }
        BufferedImage image = decode(type, bytes);
        ImageType storedAs = type.storedAs(image.getColorModel().hasAlpha());
        byte[] clean = encode(storedAs, image);
        return new CleanPhoto(storedAs.mediaType, storedAs.extension, image.getWidth(), image.getHeight(), clean,
                sha256(clean));
    }

    private static BufferedImage decode(ImageType type, byte[] bytes) {
        ImageReader reader = type.reader();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width < 1 || height < 1) {
                throw damaged(type);
            }
            if (width > MAX_SIDE || height > MAX_SIDE || (long) width * height > MAX_PIXELS) {
                throw new PhotoRefusedException("The image is " + width + " × " + height
                        + " pixels; a photo may be at most " + MAX_SIDE + " pixels on a side and "
                        + (MAX_PIXELS / 1_000_000) + " megapixels in all.");
            }
            BufferedImage image = reader.read(0);
            if (image == null || image.getWidth() != width || image.getHeight() != height) {
                throw damaged(type);
            }
            return image;
        }
        catch (IOException | RuntimeException ex) {
            if (ex instanceof PhotoRefusedException refused) {
                throw refused;
            }
            throw damaged(type);
        }
        finally {
            reader.dispose();
        }
    }

    private static byte[] encode(ImageType type, BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(type.format).next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            BufferedImage pixels = image;
            if (type == ImageType.JPEG) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
                pixels = opaque(image);
            }
            writer.write(null, new IIOImage(pixels, null, null), param);
        }
        catch (IOException | RuntimeException ex) {
            throw new PhotoRefusedException("The image could not be saved again; save the photo as a plain "
                    + type.label + " from an image editor and try once more.");
        }
        finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** Pixels the JPEG writer takes: 8-bit grey or RGB without alpha. */
    private static BufferedImage opaque(BufferedImage image) {
        int kind = image.getType();
        if (kind == BufferedImage.TYPE_3BYTE_BGR || kind == BufferedImage.TYPE_INT_RGB
                || kind == BufferedImage.TYPE_BYTE_GRAY) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = rgb.createGraphics();
        try {
            graphics.drawImage(image, 0, 0, null);
        }
        finally {
            graphics.dispose();
        }
        return rgb;
    }

    /** Markup or a ZIP directory inside the image: a file that is also something else. */
    private static boolean hiddenContent(byte[] bytes) {
        for (int i = Math.max(0, bytes.length - ZIP_TAIL); i <= bytes.length - ZIP_END.length; i++) {
            if (bytes[i] == ZIP_END[0] && bytes[i + 1] == ZIP_END[1] && bytes[i + 2] == ZIP_END[2]
                    && bytes[i + 3] == ZIP_END[3]) {
                return true;
            }
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '<') {
                for (String markup : MARKUP) {
                    if (startsWithIgnoringCase(bytes, i, markup)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean startsWithIgnoringCase(byte[] bytes, int at, String text) {
        if (at + text.length() > bytes.length) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.toLowerCase((char) (bytes[at + i] & 0xFF)) != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static String otherKind(byte[] bytes) {
        if (startsWith(bytes, 0, "GIF8")) {
            return "a GIF image";
        }
        if (startsWith(bytes, 4, "ftypheic") || startsWith(bytes, 4, "ftypheix") || startsWith(bytes, 4, "ftypmif1")) {
            return "a HEIC image; export it as JPEG";
        }
        if (startsWith(bytes, 0, "%PDF")) {
            return "a PDF document";
        }
        if (startsWith(bytes, 0, "PK")) {
            return "a ZIP archive or office document";
        }
        if (startsWith(bytes, 0, "II*") || startsWith(bytes, 0, "MM")) {
            return "a TIFF image";
        }
        return null;
    }

    static boolean startsWith(byte[] bytes, int at, String text) {
        byte[] expected = text.getBytes(StandardCharsets.ISO_8859_1);
        if (at + expected.length > bytes.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (bytes[at + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static PhotoRefusedException damaged(ImageType type) {
        return new PhotoRefusedException("The " + type.label
                + " image is damaged or incomplete and cannot be read; upload the original file again.");
    }

    private static PhotoRefusedException truncated(ImageType type) {
        return new PhotoRefusedException("The file is incomplete: the " + type.label
                + " image stops before its end; upload the original file again.");
    }

    private static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%d KB", Math.max(1, bytes / 1024));
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    private static long u32(byte[] b, int at) {
        return ((long) (b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8)
                | (b[at + 3] & 0xFF);
    }

    private static long u32le(byte[] b, int at) {
        return ((long) (b[at + 3] & 0xFF) << 24) | ((b[at + 2] & 0xFF) << 16) | ((b[at + 1] & 0xFF) << 8)
                | (b[at] & 0xFF);
    }

    /**
     * The end of the JPEG that starts at {@code start}: the byte after its EOI marker.
     * Segments are walked by their lengths and the entropy-coded data after each SOS is
     * scanned for the next marker.
     */
    static int jpegEnd(byte[] b, int start) {
        int n = b.length;
        int i = start + 2;
        while (true) {
            if (i + 1 >= n) {
                throw truncated(ImageType.JPEG);
            }
            if ((b[i] & 0xFF) != 0xFF) {
                throw damaged(ImageType.JPEG);
            }
            int marker = b[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++;
                continue;
            }
            if (marker == 0xD9) {
                return i + 2;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                i += 2;
                continue;
            }
            if (i + 3 >= n) {
                throw truncated(ImageType.JPEG);
            }
            int length = u16(b, i + 2);
            if (length < 2) {
                throw damaged(ImageType.JPEG);
            }
            int next = i + 2 + length;
            if (next > n) {
                throw truncated(ImageType.JPEG);
            }
            if (marker == 0xDA) {
                int j = next;
                while (true) {
                    if (j + 1 >= n) {
                        throw truncated(ImageType.JPEG);
                    }
                    if ((b[j] & 0xFF) == 0xFF) {
                        int m = b[j + 1] & 0xFF;
                        if (m != 0 && m != 0xFF && (m < 0xD0 || m > 0xD7)) {
                            break;
                        }
                        j += (m == 0xFF) ? 1 : 2;
                        continue;
                    }
                    j++;
                }
                next = j;
            }
            i = next;
        }
    }

    /**
     * The end of a JPEG and of the further whole JPEGs that may follow it: cameras append
     * their second images (MPF: previews, depth or gain maps) after the first one's EOI.
     */
    static int jpegsEnd(byte[] b) {
        int end = jpegEnd(b, 0);
        while (end + 3 <= b.length && (b[end] & 0xFF) == 0xFF && (b[end + 1] & 0xFF) == 0xD8
                && (b[end + 2] & 0xFF) == 0xFF) {
            end = jpegEnd(b, end);
        }
        return end;
    }

    /** The end of a PNG: the byte after its IEND chunk, walking the chunks by their lengths. */
    static int pngEnd(byte[] b) {
        int n = b.length;
        long i = 8;
        boolean first = true;
        while (true) {
            if (i + 8 > n) {
                throw truncated(ImageType.PNG);
            }
            long length = u32(b, (int) i);
            boolean header = startsWith(b, (int) i + 4, "IHDR");
            if (first != header) {
                throw damaged(ImageType.PNG);
            }
            first = false;
            long next = i + 12 + length;
            if (next > n) {
                throw truncated(ImageType.PNG);
            }
            if (startsWith(b, (int) i + 4, "IEND")) {
                return (int) next;
            }
            i = next;
        }
    }

    /** The end of a WebP: the RIFF container's length, plus its 8-byte header. */
    static int webpEnd(byte[] b) {
        long end = 8 + u32le(b, 4);
        if (end > b.length) {
            throw truncated(ImageType.WEBP);
        }
        return (int) end;
    }

    /**
     * The three types accepted: how each is recognised, named and read, and what it is
     * stored as.
     */
    enum ImageType {

        JPEG("JPEG", "image/jpeg", "jpg", "jpeg"), PNG("PNG", "image/png", "png", "png"),
        WEBP("WebP", "image/webp", "webp", null);

        final String label;

        final String mediaType;

        final String extension;

        /** The ImageIO format name of the writer; WebP has none. */
        final String format;

        ImageType(String label, String mediaType, String extension, String format) {
            this.label = label;
            this.mediaType = mediaType;
            this.extension = extension;
            this.format = format;
        }

        static ImageType of(byte[] b) {
            if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
                return JPEG;
            }
            if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && startsWith(b, 1, "PNG\r\n\u001a\n")) {
                return PNG;
            }
            if (b.length >= 16 && startsWith(b, 0, "RIFF") && startsWith(b, 8, "WEBP")) {
                return WEBP;
            }
            return null;
        }

        static ImageType named(String fileName) {
            if (fileName == null) {
                return null;
            }
            String name = fileName.strip().toLowerCase(Locale.ROOT);
            if (name.endsWith(".jpg") || name.endsWith(".jpeg") || name.endsWith(".jpe")) {
                return JPEG;
            }
            if (name.endsWith(".png")) {
                return PNG;
            }
            if (name.endsWith(".webp")) {
                return WEBP;
            }
            return null;
        }

        int end(byte[] bytes) {
            return switch (this) {
                case JPEG -> jpegsEnd(bytes);
                case PNG -> pngEnd(bytes);
                case WEBP -> webpEnd(bytes);
            };
        }

        ImageReader reader() {
            if (this == WEBP) {
                return new WebPImageReaderSpi().createReaderInstance(null);
            }
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(this.format);
            return readers.next();
        }

        /** What the decoded pixels are written as: the same type, except WebP. */
        ImageType storedAs(boolean alpha) {
            if (this != WEBP) {
                return this;
            }
            return alpha ? PNG : JPEG;
        }

    }

}
