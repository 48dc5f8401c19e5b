package org.polypseg.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polypseg.testing.SyntheticData;

class DataFolderTest {

  @TempDir Path dir;

  @Test
  void matchesByBaseNameEvenWhenExtensionsDiffer() throws Exception {
    SyntheticData.folder(dir, 3, 64, 48, 1);
    Files.move(dir.resolve("masks/case1.png"), dir.resolve("masks/case1.bmp"));
    // A BMP must really be a BMP: rewrite it in that format.
    BufferedImage mask = ImageIO.read(dir.resolve("masks/case1.bmp").toFile());
    ImageIO.write(mask, "bmp", dir.resolve("masks/case1.bmp").toFile());
    List<SamplePair> pairs = DataFolder.scan(dir);
    assertThat(pairs).extracting(SamplePair::name).containsExactly("case0", "case1", "case2");
    assertThat(pairs.get(1).mask().getFileName().toString()).isEqualTo("case1.bmp");
  }

  @Test
  void reportsEveryProblemAtOnce() throws Exception {
    SyntheticData.folder(dir, 3, 64, 48, 2);
    Files.delete(dir.resolve("masks/case0.png"));                       // image without mask
    ImageIO.write(new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB), "png",
        dir.resolve("masks/orphan.png").toFile());                      // mask without image
    Files.writeString(dir.resolve("images/case1.png"), "not an image"); // unreadable
    ImageIO.write(new BufferedImage(32, 32, BufferedImage.TYPE_BYTE_GRAY), "png",
        dir.resolve("masks/case2.png").toFile());                       // size mismatch
    assertThatThrownBy(() -> DataFolder.scan(dir))
        .isInstanceOf(DataFolderException.class)
        .satisfies(e -> {
          List<String> problems = ((DataFolderException) e).problems();
          assertThat(problems).hasSize(4);
          assertThat(String.join("\n", problems))
              .contains("case0.png: no mask")
              .contains("orphan.png: no image")
              .contains("case1.png: not a readable image")
              .contains("case2.png: mask is 32x32 but its image case2.png is 64x48");
        });
  }

  @Test
  void missingFoldersAreNamed() {
    assertThatThrownBy(() -> DataFolder.scan(dir))
        .hasMessageContaining(dir.resolve("images") + ": folder not found");
  }
}
