package org.polypseg.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polypseg.testing.SyntheticData;

class DomainShiftTest {

  private static final int SIDE = 64;

  @TempDir Path dir;

  private float[][] sample() throws Exception {
    SyntheticData.folder(dir, 1, 96, 80, 5);
    return Augmentation.plain(SampleLoader.load(DataFolder.scan(dir).get(0), SIDE));
  }

  @Test
  void shiftsStayImagesAndNeverAddPolyp() throws Exception {
    float[][] original = sample();
    Random random = new Random(7);
    int changed = 0;
    for (int trial = 0; trial < 200; trial++) {
      float[] image = original[0].clone();
      float[] mask = original[1].clone();
      DomainShift.apply(image, mask, SIDE, random);
      for (float v : image) {
        assertThat(v).isBetween(0f, 1f);
      }
      for (int i = 0; i < mask.length; i++) {
        assertThat(mask[i]).as("trial %d pixel %d", trial, i).isLessThanOrEqualTo(original[1][i]);
      }
      if (!Arrays.equals(image, original[0])) {
        changed++;
      }
    }
    // About 1 − 0.7·0.85·0.6·0.85·0.8·0.8·0.8·0.8·0.8 of the samples get at least one shift.
    assertThat(changed).isBetween(140, 200);
  }

  @Test
  void theSameSeedGivesTheSameShift() throws Exception {
    float[][] original = sample();
    float[][] a = {original[0].clone(), original[1].clone()};
    float[][] b = {original[0].clone(), original[1].clone()};
    for (int trial = 0; trial < 20; trial++) {
      DomainShift.apply(a[0], a[1], SIDE, new Random(trial));
      DomainShift.apply(b[0], b[1], SIDE, new Random(trial));
      assertThat(a[0]).containsExactly(b[0]);
      assertThat(a[1]).containsExactly(b[1]);
    }
  }

  @Test
  void anOverlayIsNeverPolyp() {
    float[] image = new float[3 * SIDE * SIDE];
    Arrays.fill(image, 0.5f);
    float[] mask = new float[SIDE * SIDE];
    Arrays.fill(mask, 1f);
    DomainShift.overlay(image, mask, SIDE, new Random(1));
    int cleared = 0;
    int drawn = 0;
    int plane = SIDE * SIDE;
    for (int i = 0; i < plane; i++) {
      if (mask[i] == 0f) {
        cleared++;
      }
      if (image[i] != 0.5f || image[plane + i] != 0.5f || image[2 * plane + i] != 0.5f) {
        drawn++;
        assertThat(mask[i]).as("a drawn pixel is outside the polyp").isZero();
      }
    }
    assertThat(cleared).isBetween(plane / 100, plane / 8);
    assertThat(drawn).isPositive();
    // The box sits in a corner.
    assertThat(mask[0] == 0f || mask[SIDE - 1] == 0f || mask[plane - SIDE] == 0f || mask[plane - 1] == 0f).isTrue();
  }

  @Test
  void aNarrowBandTintSuppressesRed() throws Exception {
    float[] image = sample()[0];
    int plane = SIDE * SIDE;
    double redBefore = mean(image, 0, plane);
    double greenBefore = mean(image, plane, 2 * plane);
    DomainShift.gains(image, plane, 0.5f, 1f, 1.2f);
    assertThat(mean(image, 0, plane)).isCloseTo(redBefore * 0.5, org.assertj.core.data.Offset.offset(1e-4));
    assertThat(mean(image, plane, 2 * plane)).isCloseTo(greenBefore, org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void blurLowResolutionAndJpegKeepThePictureButChangeIt() throws Exception {
    float[] original = sample()[0];
    for (String kind : new String[] {"blur", "low resolution", "jpeg"}) {
      float[] image = original.clone();
      switch (kind) {
        case "blur" -> DomainShift.blur(image, SIDE, 1.5);
        case "low resolution" -> DomainShift.lowResolution(image, SIDE, 0.4);
        default -> DomainShift.jpeg(image, SIDE, 0.3f);
      }
      double diff = 0;
      for (int i = 0; i < image.length; i++) {
        diff += Math.abs(image[i] - original[i]);
      }
      diff /= image.length;
      assertThat(diff).as(kind).isGreaterThan(1e-3).isLessThan(0.08);
    }
  }

  private static double mean(float[] v, int from, int to) {
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += v[i];
    }
    return sum / (to - from);
  }
}
