package org.polypseg.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polypseg.testing.SyntheticData;

class AugmentationTest {

  @TempDir Path dir;

  @Test
  void imageAndMaskMoveTogether() throws Exception {
    SyntheticData.folder(dir, 1, 96, 80, 5);
    PreparedSample sample = SampleLoader.load(DataFolder.scan(dir).get(0), 64);
    int plane = 64 * 64;
    Random random = new Random(3);
    for (int trial = 0; trial < 20; trial++) {
      float[][] out = Augmentation.geometry(sample, random);
      float[] image = out[0];
      float[] mask = out[1];
      // The polyp is the dark-red ellipse: green is low inside it and high outside.
      int agree = 0;
      int polyp = 0;
      for (int i = 0; i < plane; i++) {
        boolean darkRed = image[plane + i] < image[i] * 0.6f;
        if (darkRed == (mask[i] > 0.5f)) {
          agree++;
        }
        if (mask[i] > 0.5f) {
          polyp++;
        }
      }
      assertThat(polyp).as("trial %d keeps some polyp", trial).isGreaterThan(0);
      assertThat(agree / (double) plane).as("trial %d", trial).isGreaterThan(0.97);
    }
  }
}
