package org.gazette.article;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/**
 * The Exif orientation of a JPEG (how the camera was held), applied to the decoded
 * pixels before the metadata is dropped, so that a photo taken upright stays upright.
 */
final class ExifOrientation {

    private static final int ORIENTATION_TAG = 0x0112;

    private ExifOrientation() {
    }

    /**
     * The orientation (1 to 8) the JPEG's Exif block gives, or 1 when it has none or the
     * block cannot be read.
     */
    static int of(byte[] jpeg) {
        int i = 2;
        while (i + 4 <= jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
            int marker = jpeg[i + 1] & 0xFF;
            int length = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
            if (marker == 0xDA || marker == 0xD9 || length < 2) {
                return 1;
            }
            if (marker == 0xE1 && length >= 8 && PhotoIntake.startsWith(jpeg, i + 4, "Exif\0\0")) {
                return fromTiff(jpeg, i + 10, i + 2 + length);
            }
            i += 2 + length;
        }
        return 1;
    }

    private static int fromTiff(byte[] b, int tiff, int end) {
        boolean little;
        if (PhotoIntake.startsWith(b, tiff, "II")) {
            little = true;
        }
        else if (PhotoIntake.startsWith(b, tiff, "MM")) {
            little = false;
        }
        else {
            return 1;
        }
        long ifd = tiff + read(b, tiff + 4, 4, little, end);
        if (ifd < tiff || ifd + 2 > end) {
            return 1;
        }
        int entries = (int) read(b, (int) ifd, 2, little, end);
        for (int n = 0; n < entries; n++) {
            int entry = (int) ifd + 2 + n * 12;
            if (entry + 12 > end) {
                return 1;
            }
            if (read(b, entry, 2, little, end) == ORIENTATION_TAG) {
                long value = read(b, entry + 8, 2, little, end);
                return (value >= 1 && value <= 8) ? (int) value : 1;
            }
        }
        return 1;
    }

    private static long read(byte[] b, int at, int size, boolean little, int end) {
        if (at < 0 || at + size > end) {
            return -1;
        }
        long value = 0;
        for (int k = 0; k < size; k++) {
            int shift = little ? 8 * k : 8 * (size - 1 - k);
            value |= (long) (b[at + k] & 0xFF) << shift;
        }
        return value;
    }

    /** The image turned and mirrored as the orientation says. */
    static BufferedImage apply(BufferedImage image, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        AffineTransform transform = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
            default -> new AffineTransform(0, -1, 1, 0, 0, w);
        };
        boolean turned = orientation >= 5;
        int type = (image.getType() == BufferedImage.TYPE_CUSTOM) ? BufferedImage.TYPE_INT_RGB : image.getType();
        BufferedImage result = new BufferedImage(turned ? h : w, turned ? w : h, type);
        Graphics2D graphics = result.createGraphics();
        try {
            graphics.drawImage(image, transform, null);
        }
        finally {
            graphics.dispose();
        }
        return result;
    }

}
