package org.polypseg.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.polypseg.testing.HostileFiles;
import org.polypseg.testing.HostileFiles.HostileFile;

/**
 * The odd but honest images a clinic's systems produce (grey, 16-bit, palette, alpha, CMYK, EXIF
 * rotated) come out as the RGB picture a viewer shows; the hostile ones are refused before they
 * cost memory, with the file, the reason and the supported formats.
 */
class ImageVariantsTest {

  static final java.util.List<HostileFile> HOSTILE = HostileFiles.corpus();

  @Test
  void greyImagesKeepTheirGreyLevels() throws Exception {
    BufferedImage grey8 = new BufferedImage(4, 1, BufferedImage.TYPE_BYTE_GRAY);
    BufferedImage grey16 = new BufferedImage(4, 1, BufferedImage.TYPE_USHORT_GRAY);
    int[] levels = {0, 64, 128, 255};
    for (int x = 0; x < 4; x++) {
      grey8.getRaster().setSample(x, 0, 0, levels[x]);
      grey16.getRaster().setSample(x, 0, 0, levels[x] * 257);
    }
    for (String format : new String[] {"png", "tiff"}) {
      for (BufferedImage grey : new BufferedImage[] {grey8, grey16}) {
        BufferedImage rgb = Images.readRgb(HostileFiles.encode(grey, format), "grey." + format);
        for (int x = 0; x < 4; x++) {
          assertThat(rgb.getRGB(x, 0) & 0xFFFFFF).as(format + " level " + levels[x])
              .isEqualTo(levels[x] * 0x010101);
        }
      }
    }
  }

  @Test
  void sixteenBitColourPaletteAndAlphaComeOutAsTheirColours() throws Exception {
    Color polyp = new Color(150, 40, 40);
    WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_USHORT, 8, 8, 3, null);
    ComponentColorModel model = new ComponentColorModel(
        java.awt.color.ColorSpace.getInstance(java.awt.color.ColorSpace.CS_sRGB), false, false,
        java.awt.Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
    BufferedImage rgb16 = new BufferedImage(model, raster, false, null);
    for (int y = 0; y < 8; y++) {
      for (int x = 0; x < 8; x++) {
        raster.setPixel(x, y, new int[] {150 * 257, 40 * 257, 40 * 257});
      }
    }
    BufferedImage palette = filled(BufferedImage.TYPE_BYTE_INDEXED, polyp);
    BufferedImage alpha = filled(BufferedImage.TYPE_INT_ARGB, polyp);
    assertColour(Images.readRgb(HostileFiles.encode(rgb16, "png"), "rgb16.png"), polyp, 1);
    assertColour(Images.readRgb(HostileFiles.encode(palette, "png"), "palette.png"), polyp, 12);
    assertColour(Images.readRgb(HostileFiles.encode(palette, "bmp"), "palette.bmp"), polyp, 12);
    assertColour(Images.readRgb(HostileFiles.encode(alpha, "png"), "alpha.png"), polyp, 1);

    BufferedImage clear = new BufferedImage(8, 8, BufferedImage.TYPE_INT_ARGB);
    clear.setRGB(0, 0, 0x00FFFFFF);
    assertThat(Images.readRgb(HostileFiles.encode(clear, "png"), "clear.png").getRGB(0, 0)
        & 0xFFFFFF).as("fully transparent white is shown on black").isZero();
  }

  @Test
  void cmykJpegIsConvertedToItsRgbColours() throws Exception {
    // A 4-channel JPEG as prepress software writes it: the JDK's writer marks it Adobe YCCK
    // (APP14, transform 2), so the samples are Y, Cb, Cr of the inverted CMY, then inverted K.
    // Full cyan and yellow ink, no magenta or black: green.
    WritableRaster cmyk = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 16, 16, 4, null);
    for (int y = 0; y < 16; y++) {
      for (int x = 0; x < 16; x++) {
        cmyk.setPixel(x, y, new int[] {150, 44, 21, 255});
      }
    }
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.write(null, new IIOImage(cmyk, null, null), null);
    } finally {
      writer.dispose();
    }
    BufferedImage rgb = Images.readRgb(bytes.toByteArray(), "cmyk.jpg");
    int p = rgb.getRGB(8, 8);
    int r = (p >> 16) & 0xFF;
    int g = (p >> 8) & 0xFF;
    int b = p & 0xFF;
    assertThat(g).as("green of %06x", p & 0xFFFFFF).isGreaterThan(r + 40).isGreaterThan(b + 40);
  }

  @Test
  void exifOrientationIsApplied() throws Exception {
    // Stored 60×30: the left third red, the rest blue.
    BufferedImage stored = new BufferedImage(60, 30, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = stored.createGraphics();
    g.setColor(Color.BLUE);
    g.fillRect(0, 0, 60, 30);
    g.setColor(Color.RED);
    g.fillRect(0, 0, 20, 30);
    g.dispose();
    byte[] jpeg = HostileFiles.encode(stored, "jpg");

    BufferedImage asStored = Images.readRgb(withOrientation(jpeg, 1), "1.jpg");
    assertThat(asStored.getWidth()).isEqualTo(60);
    assertThat(red(asStored.getRGB(5, 15))).isTrue();

    // 6: the viewer turns it 90° clockwise, so the stored left edge becomes the top.
    BufferedImage six = Images.readRgb(withOrientation(jpeg, 6), "6.jpg");
    assertThat(six.getWidth()).isEqualTo(30);
    assertThat(six.getHeight()).isEqualTo(60);
    assertThat(red(six.getRGB(15, 5))).isTrue();
    assertThat(red(six.getRGB(15, 50))).isFalse();

    // 8: turned anticlockwise, the left edge becomes the bottom.
    BufferedImage eight = Images.readRgb(withOrientation(jpeg, 8), "8.jpg");
    assertThat(red(eight.getRGB(15, 55))).isTrue();
    assertThat(red(eight.getRGB(15, 5))).isFalse();

    // 3: upside down, the left edge becomes the right.
    BufferedImage three = Images.readRgb(withOrientation(jpeg, 3), "3.jpg");
    assertThat(three.getWidth()).isEqualTo(60);
    assertThat(red(three.getRGB(55, 15))).isTrue();
    assertThat(red(three.getRGB(5, 15))).isFalse();
  }

  @Test
  void theFormatComesFromTheBytesNotTheName() throws Exception {
    BufferedImage frame = filled(BufferedImage.TYPE_INT_RGB, Color.RED);
    assertThat(Images.readRgb(HostileFiles.encode(frame, "png"), "really-a-png.jpg").getWidth())
        .isEqualTo(8);
    assertThat(Images.readRgb(HostileFiles.encode(frame, "bmp"), "really-a-bmp.tiff").getWidth())
        .isEqualTo(8);
  }

  @Test
  void theSizeAndPixelLimitsAreCheckedBeforeDecoding() throws Exception {
    byte[] png = HostileFiles.encode(new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB), "png");
    assertThatThrownBy(() -> Images.readRgb(png, "wide.png", new ImageLimits(1 << 20, 50_000)))
        .isInstanceOf(ImageReadException.class)
        .hasMessage("wide.png: the image is 300×200 px (0.1 megapixels), more than the limit of "
            + "0.1 megapixels; supported: " + Images.SUPPORTED);
    assertThatThrownBy(() -> Images.readRgb(png, "big.png", new ImageLimits(100, 50_000)))
        .isInstanceOf(ImageReadException.class)
        .hasMessageStartingWith("big.png: the file is ")
        .hasMessageContaining("larger than the limit of 0.0 MB");
    assertThat(Images.readRgb(png, "fits.png", new ImageLimits(1 << 20, 60_000)).getWidth())
        .isEqualTo(300);
  }

  @Test
  void aVideoIsToldApartFromAStillImage() {
    byte[] mp4 = new byte[64];
    byte[] head = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'};
    System.arraycopy(head, 0, mp4, 0, head.length);
    assertThatThrownBy(() -> Images.readRgb(mp4, "exam.jpg"))
        .hasMessage("exam.jpg: this is a video file, not an image: export single frames as PNG or "
            + "JPEG; supported: " + Images.SUPPORTED);
    byte[] heic = mp4.clone();
    System.arraycopy(new byte[] {'h', 'e', 'i', 'c'}, 0, heic, 8, 4);
    assertThatThrownBy(() -> Images.readRgb(heic, "photo.jpg"))
        .hasMessageStartingWith("photo.jpg: HEIF/AVIF images are not supported");
  }

  @ParameterizedTest
  @FieldSource("HOSTILE")
  void hostileFilesAreRefusedNamingTheFileTheReasonAndTheFormats(HostileFile file) {
    if (file.status() == 200) {
      return;
    }
    assertThatThrownBy(() -> Images.readRgb(file.bytes(), file.fileName()))
        .isInstanceOf(ImageReadException.class)
        .hasMessageStartingWith(file.fileName() + ": ")
        .hasMessageContaining(file.reason());
  }

  @Test
  void everyRefusalNamesTheSupportedFormats() {
    for (HostileFile file : HOSTILE) {
      if (file.status() == 200) {
        continue;
      }
      assertThatThrownBy(() -> Images.readRgb(file.bytes(), file.fileName())).as(file.fileName())
          .hasMessageEndingWith("supported: " + Images.SUPPORTED);
    }
  }

  private static BufferedImage filled(int type, Color colour) {
    BufferedImage image = new BufferedImage(8, 8, type);
    Graphics2D g = image.createGraphics();
    g.setColor(colour);
    g.fillRect(0, 0, 8, 8);
    g.dispose();
    return image;
  }

  private static void assertColour(BufferedImage image, Color expected, int tolerance) {
    int p = image.getRGB(4, 4);
    assertThat(image.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
    assertThat((p >> 16) & 0xFF).isCloseTo(expected.getRed(), org.assertj.core.data.Offset.offset(tolerance));
    assertThat((p >> 8) & 0xFF).isCloseTo(expected.getGreen(), org.assertj.core.data.Offset.offset(tolerance));
    assertThat(p & 0xFF).isCloseTo(expected.getBlue(), org.assertj.core.data.Offset.offset(tolerance));
  }

  private static boolean red(int rgb) {
    return ((rgb >> 16) & 0xFF) > 180 && (rgb & 0xFF) < 80;
  }

  /** The JPEG with an EXIF APP1 segment holding only the orientation tag, after its JFIF APP0. */
  static byte[] withOrientation(byte[] jpeg, int orientation) {
    ByteBuffer tiff = ByteBuffer.allocate(6 + 8 + 2 + 12 + 4);
    tiff.put(new byte[] {'E', 'x', 'i', 'f', 0, 0});
    tiff.put(new byte[] {'M', 'M', 0, 42}).putInt(8);
    tiff.putShort((short) 1).putShort((short) 274).putShort((short) 3).putInt(1)
        .putShort((short) orientation).putShort((short) 0);
    tiff.putInt(0);
    byte[] payload = tiff.array();
    int app0End = 2 + 2 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, app0End);
    out.write(0xFF);
    out.write(0xE1);
    int length = payload.length + 2;
    out.write(length >> 8);
    out.write(length & 0xFF);
    out.writeBytes(payload);
    out.write(jpeg, app0End, jpeg.length - app0End);
    return out.toByteArray();
  }
}
