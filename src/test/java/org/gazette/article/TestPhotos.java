package org.gazette.article;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

/**
 * Real image files made in the test: written by ImageIO, then given by hand the metadata
 * and the tricks an upload may carry.
 */
public final class TestPhotos {

    /** The camera maker written into the Exif block; it must never reach readers. */
    public static final String CAMERA_MAKE = "GazetteCam";

    private TestPhotos() {
    }

    /** A picture with some structure: a gradient and a block, so the encoders have work to do. */
    public static BufferedImage picture(int width, int height, boolean alpha) {
        BufferedImage image = new BufferedImage(width, height,
                alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int a = alpha ? 128 + (x % 128) : 255;
                image.setRGB(x, y, (a << 24) | ((x * 255 / width) << 16) | ((y * 255 / height) << 8) | 90);
            }
        }
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(width / 4, height / 4, width / 2, height / 2);
        graphics.dispose();
        return image;
    }

    public static byte[] jpeg(int width, int height) {
        return write(picture(width, height, false), "jpeg");
    }

    public static byte[] png(int width, int height) {
        return write(picture(width, height, false), "png");
    }

    public static byte[] write(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("No writer for " + format);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toByteArray();
    }

    public static BufferedImage read(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * A JPEG as a phone writes it: an APP1 Exif block with the camera's make and a GPS
     * position, and an APP1 XMP packet repeating the position, after the JFIF header.
     */
    public static byte[] jpegWithCameraAndGps(int width, int height) {
        byte[] jpeg = jpeg(width, height);
        ByteBuffer tiff = ByteBuffer.allocate(108);
        tiff.put(ascii("MM")).putShort((short) 42).putInt(8);
        // IFD0: Make, and the pointer to the GPS directory
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x010F).putShort((short) 2).putInt(16).putInt(38);
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(54);
        tiff.putInt(0);
        tiff.put(ascii(CAMERA_MAKE + " 5000\0")); // 16 bytes at 38
        // GPS directory at 54: latitude reference and latitude
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put(ascii("N\0\0\0"));
        tiff.putShort((short) 0x0002).putShort((short) 5).putInt(3).putInt(84);
        tiff.putInt(0);
        tiff.putInt(45).putInt(1).putInt(30).putInt(1).putInt(0).putInt(1); // at 84
        byte[] exif = concat(ascii("Exif\0\0"), tiff.array());
        byte[] xmp = concat(ascii("http://ns.adobe.com/xap/1.0/\0"),
                ascii("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                        + "<rdf:Description xmlns:exif=\"http://ns.adobe.com/exif/1.0/\" exif:GPSLatitude=\"45,30N\" "
                        + "exif:GPSLongitude=\"75,42W\"/></rdf:RDF></x:xmpmeta>"));
        int afterJfif = 4 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF));
        return concat(slice(jpeg, 0, afterJfif), segment(0xE1, exif), segment(0xE1, xmp),
                slice(jpeg, afterJfif, jpeg.length));
    }

    /** A PNG with a text chunk after its header, as editors' tools leave them. */
    public static byte[] pngWithText(int width, int height, String keyword, String text) {
        byte[] png = png(width, height);
        int afterHeader = 8 + 25;
        return concat(slice(png, 0, afterHeader), chunk("tEXt", ascii(keyword + "\0" + text)),
                slice(png, afterHeader, png.length));
    }

    /** A PNG whose header claims the given size (the pixels inside stay few). */
    public static byte[] pngClaiming(int width, int height) {
        byte[] png = png(4, 4);
        ByteBuffer header = ByteBuffer.wrap(png, 16, 8);
        header.putInt(width).putInt(height);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        ByteBuffer.wrap(png, 29, 4).putInt((int) crc.getValue());
        return png;
    }

    public static byte[] zip(String name, String content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toByteArray();
    }

    public static byte[] chunk(String type, byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(ascii(type));
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length)
            .putInt(data.length)
            .put(ascii(type))
            .put(data)
            .putInt((int) crc.getValue())
            .array();
    }

    private static byte[] segment(int marker, byte[] payload) {
        return ByteBuffer.allocate(4 + payload.length)
            .put((byte) 0xFF)
            .put((byte) marker)
            .putShort((short) (payload.length + 2))
            .put(payload)
            .array();
    }

    public static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    public static byte[] slice(byte[] bytes, int from, int to) {
        byte[] part = new byte[to - from];
        System.arraycopy(bytes, from, part, 0, part.length);
        return part;
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Whether {@code text} occurs anywhere in {@code bytes}. */
    public static boolean contains(byte[] bytes, String text) {
        return new String(bytes, StandardCharsets.ISO_8859_1).contains(text);
    }

}
