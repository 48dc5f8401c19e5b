package org.polypseg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code polypseg consensus}: three raters' folders of 0/255 PNG masks in, consensus PNGs and
 * JSON out; each kind of bad input is one message naming the folder or file, exit code 2, and
 * nothing written.
 */
class ConsensusCommandTest {

  private static final int W = 20;
  private static final int H = 10;

  @TempDir Path dir;

  private Path anna;
  private Path ben;
  private Path carla;
  private Path out;
  private Path json;

  /**
   * Frames 1..3, each a polyp rectangle at columns 5..(9 + frame), rows 2..7. Anna outlines it
   * exactly, Ben misses its first column, Carla adds a column after it: the consensus is the
   * rectangle.
   */
  @BeforeEach
  void threeRaters() throws IOException {
    anna = Files.createDirectories(dir.resolve("anna"));
    ben = Files.createDirectories(dir.resolve("ben"));
    carla = Files.createDirectories(dir.resolve("carla"));
    out = dir.resolve("consensus");
    json = dir.resolve("figures/agreement.json");
    for (int frame = 1; frame <= 3; frame++) {
      writeMask(anna.resolve(frame + ".png"), W, H, 5, 9 + frame);
      writeMask(ben.resolve(frame + ".png"), W, H, 6, 9 + frame);
      writeMask(carla.resolve(frame + ".png"), W, H, 5, 10 + frame);
    }
  }

  @Test
  void writesTheConsensusOfEachFrameAndTheFiguresAsJson() throws IOException {
    String printed = runExpecting(0, "consensus", "--raters", anna.toString(), ben.toString(),
        carla.toString(), "--out", out.toString(), "--json", json.toString());
    assertThat(printed).contains("anna", "ben", "carla");
    assertThat(PolypSegCommand.isCommand("consensus")).as("the jar runs it as a command").isTrue();

    try (Stream<Path> files = Files.list(out)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrder("1.png", "2.png", "3.png");
    }
    for (int frame = 1; frame <= 3; frame++) {
      BufferedImage mask = ImageIO.read(out.resolve(frame + ".png").toFile());
      assertThat(mask.getWidth()).isEqualTo(W);
      assertThat(mask.getHeight()).isEqualTo(H);
      for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++) {
          int grey = mask.getRaster().getSample(x, y, 0);
          boolean polyp = x >= 5 && x <= 9 + frame && y >= 2 && y <= 7;
          assertThat(grey).as("frame %d at %d,%d", frame, x, y).isEqualTo(polyp ? 255 : 0);
        }
      }
    }

    JsonNode figures = JsonMapper.builder().build().readTree(json.toFile());
    assertThat(figures.get("frames").asInt()).isEqualTo(3);
    assertThat(figures.get("raters").valueStream().map(JsonNode::asString))
        .containsExactly("anna", "ben", "carla");
    for (String key : new String[] {"sensitivity", "specificity", "meanDice", "consensusDice"}) {
      for (String rater : new String[] {"anna", "ben", "carla"}) {
        assertThat(figures.get(key).get(rater).asDouble()).as("%s of %s", key, rater)
            .isBetween(0.0, 1.0);
      }
    }
    assertThat(figures.get("sensitivity").get("anna").asDouble()).isGreaterThan(0.999);
    assertThat(figures.get("sensitivity").get("ben").asDouble()).isLessThan(0.9);
    assertThat(figures.get("specificity").get("carla").asDouble()).isLessThan(0.99);
    assertThat(figures.get("pairwiseDice")).hasSize(3);
    assertThat(figures.get("pairwiseDice").get(0).get("raters").valueStream()
        .map(JsonNode::asString)).containsExactly("anna", "ben");
    assertThat(figures.get("pairwiseDice").get(0).get("dice").asDouble()).isBetween(0.8, 1.0);
    assertThat(figures.get("staple").get("converged").asBoolean()).isTrue();
    assertThat(figures.get("framesByDisagreement")).hasSize(3);
    assertThat(figures.get("framesByDisagreement").get(0).get("frame").asString())
        .isEqualTo("1.png"); // the smallest polyp: one column is the largest share of it
  }

  @Test
  void ratersWhoseFolderNamesCoincideAreNamedByTheirPaths() throws IOException {
    Path first = Files.createDirectories(dir.resolve("site1/masks"));
    Path second = Files.createDirectories(dir.resolve("site2/masks"));
    writeMask(first.resolve("a.png"), W, H, 2, 8);
    writeMask(second.resolve("a.png"), W, H, 3, 8);
    runExpecting(0, "consensus", "--raters", first.toString(), second.toString(), "--out",
        out.toString(), "--json", json.toString());
    JsonNode figures = JsonMapper.builder().build().readTree(json.toFile());
    assertThat(figures.get("raters").valueStream().map(JsonNode::asString))
        .containsExactly(first.toString(), second.toString());
  }

  @Test
  void aRatersJpegMasksPairWithAnothersPngOfTheSameBaseName() throws IOException {
    for (int frame = 1; frame <= 3; frame++) {
      BufferedImage png = ImageIO.read(carla.resolve(frame + ".png").toFile());
      Files.delete(carla.resolve(frame + ".png"));
      ImageIO.write(png, "jpg", carla.resolve(frame + ".jpg").toFile());
    }
    runExpecting(0, "consensus", "--raters", anna.toString(), ben.toString(), carla.toString(),
        "--out", out.toString());
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrder("1.png", "2.png", "3.png");
    }
  }

  @Test
  void anExistingOutputFolderKeepsItsOtherFilesAndGetsTheNewMasks() throws IOException {
    Files.createDirectories(out);
    Files.writeString(out.resolve("notes.txt"), "keep me");
    writeMask(out.resolve("1.png"), W, H, 0, W - 1);
    runExpecting(0, "consensus", "--raters", anna.toString(), ben.toString(), carla.toString(),
        "--out", out.toString());
    assertThat(out.resolve("notes.txt")).hasContent("keep me");
    BufferedImage mask = ImageIO.read(out.resolve("1.png").toFile());
    assertThat(mask.getRaster().getSample(0, 4, 0)).isZero();
    assertThat(mask.getRaster().getSample(5, 4, 0)).isEqualTo(255);
  }

  @Test
  void folderWithOtherFileNamesIsNamedWithWhatItLacks() throws IOException {
    Files.move(carla.resolve("2.png"), carla.resolve("2b.png"));
    String err = runExpectingFailure(anna, ben, carla);
    assertThat(err).contains(carla + ": no mask for 1 of the 4 frames", "2.png")
        .contains(anna + ": no mask for 1 of the 4 frames", "2b.png");
  }

  @Test
  void masksOfDifferentSizesAreNamed() throws IOException {
    writeMask(ben.resolve("3.png"), W + 1, H, 6, 12);
    String err = runExpectingFailure(anna, ben, carla);
    assertThat(err).contains(ben.resolve("3.png") + ": 21x10 pixels, but "
        + anna.resolve("3.png") + " is 20x10");
  }

  @Test
  void aColourPhotoIsNotAMask() throws IOException {
    BufferedImage photo = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(7);
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        photo.setRGB(x, y, random.nextInt(0x1000000));
      }
    }
    ImageIO.write(photo, "png", carla.resolve("2.png").toFile());
    String err = runExpectingFailure(anna, ben, carla);
    assertThat(err).contains(carla.resolve("2.png") + ": not a ground-truth mask");
  }

  @Test
  void anUnreadableFileIsNamed() throws IOException {
    Files.writeString(ben.resolve("1.png"), "not a picture");
    String err = runExpectingFailure(anna, ben, carla);
    assertThat(err).contains(ben.resolve("1.png").toString(), "not a recognised image format");
  }

  @Test
  void oneRaterHasNoOneToAgreeWith() {
    String err = runExpectingFailure(anna);
    assertThat(err).contains("at least two raters", "only " + anna);
  }

  @Test
  void aMissingFolderOrTheSameFolderTwiceIsNamed() {
    Path nowhere = dir.resolve("nowhere");
    assertThat(runExpectingFailure(anna, nowhere)).contains(nowhere + ": folder not found");
    assertThat(runExpectingFailure(anna, ben, anna))
        .contains(anna + ": the same rater folder given twice");
  }

  @Test
  void theOutputMayNotBeARatersFolder() {
    String err = runExpecting(2, "consensus", "--raters", anna.toString(), ben.toString(),
        "--out", ben.toString());
    assertThat(err).contains(ben + ": is one of the rater folders");
    assertThat(ben.resolve("1.png")).exists();

    Path file = anna.resolve("1.png");
    err = runExpecting(2, "consensus", "--raters", anna.toString(), ben.toString(), "--out",
        file.toString());
    assertThat(err).contains(file + ": exists and is not a folder");
    err = runExpecting(2, "consensus", "--raters", anna.toString(), ben.toString(), "--out",
        out.toString(), "--json", dir.toString());
    assertThat(err).contains(dir + ": is a folder; --json takes a file name");
    assertThat(out).doesNotExist();
  }

  @Test
  void everyProblemIsListedAtOnce() throws IOException {
    Files.writeString(ben.resolve("1.png"), "not a picture");
    writeMask(carla.resolve("3.png"), W, H + 2, 5, 13);
    String err = runExpectingFailure(anna, ben, carla);
    assertThat(err).contains("2 problems with the rater folders", ben.resolve("1.png").toString(),
        carla.resolve("3.png").toString());
  }

  /** Runs with the three folders given; expects exit code 2 and that nothing was written. */
  private String runExpectingFailure(Path... raters) {
    String[] args = new String[raters.length + 6];
    args[0] = "consensus";
    args[1] = "--raters";
    for (int i = 0; i < raters.length; i++) {
      args[2 + i] = raters[i].toString();
    }
    args[raters.length + 2] = "--out";
    args[raters.length + 3] = out.toString();
    args[raters.length + 4] = "--json";
    args[raters.length + 5] = json.toString();
    String err = runExpecting(2, args);
    assertThat(err).startsWith("error: ").doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(out).doesNotExist();
    assertThat(json.getParent()).doesNotExist();
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left.map(f -> f.getFileName().toString())).noneMatch(n -> n.contains("partial"));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return err;
  }

  /** Runs the command; returns what it printed on standard error (and standard out). */
  private static String runExpecting(int code, String... args) {
    PrintStream originalErr = System.err;
    PrintStream originalOut = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try {
      PrintStream both = new PrintStream(printed, true, StandardCharsets.UTF_8);
      System.setErr(both);
      System.setOut(both);
      int exit = PolypSegCommand.execute(args);
      assertThat(exit).as(printed.toString(StandardCharsets.UTF_8)).isEqualTo(code);
    } finally {
      System.setErr(originalErr);
      System.setOut(originalOut);
    }
    return printed.toString(StandardCharsets.UTF_8);
  }

  /** A 0/255 grey PNG with polyp in columns from..to, rows 2..7. */
  private static void writeMask(Path file, int width, int height, int from, int to)
      throws IOException {
    BufferedImage mask = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 2; y <= 7; y++) {
      for (int x = from; x <= to; x++) {
        mask.getRaster().setSample(x, y, 0, 255);
      }
    }
    ImageIO.write(mask, "png", file.toFile());
  }
}
