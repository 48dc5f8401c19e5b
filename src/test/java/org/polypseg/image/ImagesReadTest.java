package org.polypseg.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.polypseg.testing.SyntheticData;

/** Reading users' files: every format the page accepts, and a clear refusal of damaged ones. */
class ImagesReadTest {

  private final BufferedImage frame = SyntheticData.pair(120, 90, new Random(1))[0];

  @Test
  void readsPngJpegTiffAndBmp() throws Exception {
    for (String format : new String[] {"png", "jpg", "tiff", "bmp"}) {
      BufferedImage read = Images.readRgb(encode(format), "frame." + format);
      assertThat(read.getWidth()).as(format).isEqualTo(120);
      assertThat(read.getHeight()).as(format).isEqualTo(90);
      assertThat(read.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
    }
  }

  @Test
  void refusesATruncatedJpegThatTheDecoderWouldFillWithGrey() throws IOException {
    byte[] jpeg = encode("jpg");
    assertThatThrownBy(() -> Images.readRgb(Arrays.copyOf(jpeg, jpeg.length * 2 / 3), "cut.jpg"))
        .isInstanceOf(ImageReadException.class)
        .hasMessageStartingWith("cut.jpg: ")
        .hasMessageContaining("truncated");
  }

  @Test
  void refusesATruncatedPng() throws IOException {
    byte[] png = encode("png");
    assertThatThrownBy(() -> Images.readRgb(Arrays.copyOf(png, png.length / 2), "cut.png"))
        .isInstanceOf(ImageReadException.class)
        .hasMessageStartingWith("cut.png: ");
  }

  @Test
  void refusesEmptyAndNonImageFiles() {
    assertThatThrownBy(() -> Images.readRgb(new byte[0], "empty.png"))
        .hasMessage("empty.png: the file is empty (0 bytes); supported: " + Images.SUPPORTED);
    assertThatThrownBy(() -> Images.readRgb("hello".getBytes(), "notes.png"))
        .hasMessageStartingWith("notes.png: not a recognised image format");
  }

  private byte[] encode(String format) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(ImageIO.write(frame, format, out)).isTrue();
    return out.toByteArray();
  }
}
