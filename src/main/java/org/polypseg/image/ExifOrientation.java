package org.polypseg.image;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * The EXIF orientation of a JPEG (tag 274, values 1 to 8) and how to turn the decoded pixels so
 * that the image looks the way the camera or viewer shows it. Decoders hand back the pixels as
 * stored; without this, a frame saved by a phone or a viewer that only set the tag would be
 * segmented sideways and its mask would not match the image the user sees.
 */
final class ExifOrientation {

  private static final int ORIENTATION_TAG = 274;

  private ExifOrientation() {}

  /** The orientation of a JPEG, 1 (as stored) when there is none or it cannot be read. */
  static int of(byte[] jpeg) {
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg))) {
      List<JPEGSegment> exif = JPEGSegmentUtil.readSegments(in, JPEG.APP1, "Exif");
      if (exif.isEmpty()) {
        return 1;
      }
      InputStream data = exif.getFirst().data();
      // "Exif" is followed by two zero bytes; data() has skipped the first.
      if (data.read() == -1) {
        return 1;
      }
      try (ImageInputStream tiff = new MemoryCacheImageInputStream(data)) {
        Directory directory = new TIFFReader().read(tiff);
        Entry entry = directory.getEntryById(ORIENTATION_TAG);
        if (entry != null && entry.getValue() instanceof Number n
            && n.intValue() >= 1 && n.intValue() <= 8) {
          return n.intValue();
        }
      }
    } catch (IOException | RuntimeException e) {
      // A broken EXIF block does not make the picture unusable: show it as stored.
    }
    return 1;
  }

  /** An RGB {@code image} turned by an EXIF orientation (1 = unchanged). */
  static BufferedImage apply(BufferedImage image, int orientation) {
    if (orientation <= 1 || orientation > 8) {
      return image;
    }
    int w = image.getWidth();
    int h = image.getHeight();
    boolean swap = orientation >= 5;
    int ow = swap ? h : w;
    int oh = swap ? w : h;
    int[] in = image.getRGB(0, 0, w, h, null, 0, w);
    int[] out = new int[in.length];
    for (int oy = 0; oy < oh; oy++) {
      for (int ox = 0; ox < ow; ox++) {
        // Where the displayed pixel (ox, oy) is stored.
        int ix;
        int iy;
        switch (orientation) {
          case 2 -> { ix = w - 1 - ox; iy = oy; }           // mirrored left-right
          case 3 -> { ix = w - 1 - ox; iy = h - 1 - oy; }   // upside down
          case 4 -> { ix = ox; iy = h - 1 - oy; }           // mirrored top-bottom
          case 5 -> { ix = oy; iy = ox; }                   // transposed
          case 6 -> { ix = oy; iy = h - 1 - ox; }           // to be turned 90° clockwise
          case 7 -> { ix = w - 1 - oy; iy = h - 1 - ox; }   // transverse
          default -> { ix = w - 1 - oy; iy = ox; }          // 8: to be turned 90° anticlockwise
        }
        out[oy * ow + ox] = in[iy * w + ix];
      }
    }
    BufferedImage turned = new BufferedImage(ow, oh, BufferedImage.TYPE_INT_RGB);
    turned.setRGB(0, 0, ow, oh, out, 0, ow);
    return turned;
  }
}
