package org.polypseg.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.polypseg.testing.SyntheticData;

/**
 * Seeded fuzz of the decoding path: small valid files of every supported kind, damaged at
 * random (bytes flipped, the header scrambled, cut short, junk spliced in, junk after a magic
 * number). Whatever the bytes, {@link Images#readRgb(byte[], String, ImageLimits)} returns an RGB
 * image within the limits or throws {@link ImageReadException} naming the file: never another
 * exception, never an out-of-memory error. 400 tries from a fixed seed by default (a few seconds,
 * the same files every run); {@code -Dfuzz.tries=5000 -Dfuzz.seed=N} for a longer or other run. A
 * failure names the try, its seed file and damage, so it can be replayed.
 */
class ImageDecodingFuzzTest {

  /** Tight limits, so that a scrambled header that claims a huge image is refused quickly. */
  private static final ImageLimits LIMITS = new ImageLimits(1 << 20, 4_000_000);

  private static final List<byte[]> SEEDS = seeds();

  enum Damage { FLIP, HEADER, TRUNCATE, SPLICE, MAGIC_THEN_JUNK }

  @Test
  void decodingReturnsAnImageOrAClearRefusal() {
    int tries = Integer.getInteger("fuzz.tries", 400);
    Random random = new Random(Long.getLong("fuzz.seed", 20261207L));
    for (int i = 0; i < tries; i++) {
      int seed = random.nextInt(SEEDS.size());
      // Every damage kind equally often, whatever the seed.
      Damage damage = Damage.values()[i % Damage.values().length];
      int edits = 1 + random.nextInt(24);
      byte[] bytes = damage(SEEDS.get(seed), damage, new Random(random.nextLong()), edits);
      String what = "try " + i + ": seed file " + seed + ", " + damage + ", " + edits + " edits";
      BufferedImage image;
      try {
        image = Images.readRgb(bytes, "fuzz.bin", LIMITS);
      } catch (ImageReadException e) {
        assertThat(e.getMessage()).as(what).startsWith("fuzz.bin: ");
        continue;
      } catch (RuntimeException | Error e) {
        throw new AssertionError(what + ": " + e, e);
      }
      assertThat(image.getType()).as(what).isEqualTo(BufferedImage.TYPE_INT_RGB);
      assertThat((long) image.getWidth() * image.getHeight()).as(what)
          .isBetween(1L, LIMITS.maxPixels());
    }
  }

  private static byte[] damage(byte[] original, Damage damage, Random random, int edits) {
    byte[] b = original.clone();
    switch (damage) {
      case FLIP -> {
        for (int i = 0; i < edits; i++) {
          b[random.nextInt(b.length)] = (byte) random.nextInt(256);
        }
      }
      case HEADER -> {
        // Where width, height, bit depth, offsets and counts live.
        for (int i = 0; i < edits; i++) {
          b[random.nextInt(Math.min(b.length, 64))] = (byte) random.nextInt(256);
        }
      }
      case TRUNCATE -> b = Arrays.copyOf(b, random.nextInt(b.length));
      case SPLICE -> {
        int at = random.nextInt(b.length);
        byte[] junk = new byte[random.nextInt(edits * 16) + 1];
        random.nextBytes(junk);
        byte[] spliced = new byte[b.length + junk.length];
        System.arraycopy(b, 0, spliced, 0, at);
        System.arraycopy(junk, 0, spliced, at, junk.length);
        System.arraycopy(b, at, spliced, at + junk.length, b.length - at);
        b = spliced;
      }
      case MAGIC_THEN_JUNK -> {
        int keep = Math.min(b.length, 4 + random.nextInt(12));
        byte[] junk = new byte[keep + random.nextInt(2048)];
        random.nextBytes(junk);
        System.arraycopy(b, 0, junk, 0, keep);
        b = junk;
      }
      default -> throw new IllegalStateException();
    }
    return b;
  }

  private static List<byte[]> seeds() {
    BufferedImage frame = SyntheticData.pair(32, 24, new Random(5))[0];
    BufferedImage grey = new BufferedImage(32, 24, BufferedImage.TYPE_USHORT_GRAY);
    grey.getGraphics().drawImage(frame, 0, 0, null);
    BufferedImage palette = new BufferedImage(32, 24, BufferedImage.TYPE_BYTE_INDEXED);
    palette.getGraphics().drawImage(frame, 0, 0, null);
    BufferedImage alpha = new BufferedImage(32, 24, BufferedImage.TYPE_INT_ARGB);
    alpha.getGraphics().drawImage(frame, 0, 0, null);
    return List.of(encode(frame, "png"), encode(frame, "jpg"), encode(frame, "tiff"),
        encode(frame, "bmp"), encode(grey, "png"), encode(palette, "png"), encode(alpha, "png"),
        encode(grey, "tiff"));
  }

  private static byte[] encode(BufferedImage image, String format) {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("no writer for " + format);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
