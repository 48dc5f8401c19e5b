package org.polypseg.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polypseg.image.Images;
import org.polypseg.image.Masks;
import org.polypseg.model.ModelStore;
import org.polypseg.quantum.CircuitBackend;
import org.polypseg.segment.Region;
import org.polypseg.segment.Segmentation;
import org.polypseg.segment.SegmentationService;
import org.polypseg.segment.ThresholdAnalysis;
import org.polypseg.segment.TorchThreads;
import org.polypseg.video.ClipWriter;
import org.polypseg.video.Stretch;
import org.polypseg.video.VideoFormat;

/**
 * The archive job in Spark's local mode on the real test frames: two cores ({@code local[2,2]}:
 * two task slots, and a failed task is tried once more, as on a cluster). One Spark session and
 * one model for the class, so that the suite stays quick.
 */
class ArchiveJobTest {

  static final Path DATA = Path.of("../shared/datasets");
  static final Path KVASIR = DATA.resolve("TestDataset/Kvasir");
  static final Path CVC = DATA.resolve("TestDataset/CVC-ClinicDB");

  static SparkSession spark;

  @TempDir Path dir;

  @BeforeAll
  static void startSpark() {
    // Spark's INFO lines (hundreds a job) would bury the suite's output; warnings still show.
    for (String name : List.of("org.apache.spark", "org.apache.hadoop", "org.sparkproject",
        "org.apache.parquet", "io.netty")) {
      if (org.slf4j.LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger l) {
        l.setLevel(ch.qos.logback.classic.Level.WARN);
      }
    }
    spark = ArchiveJob.startSpark("local[2,2]");
  }

  @AfterAll
  static void stopSpark() {
    if (spark != null) {
      spark.stop();
    }
  }

  private ArchiveSettings settings(List<String> inputs, Path out, String masks) {
    return new ArchiveSettings(inputs, out.toString(), masks, 0.5, 1,
        Path.of("models").toAbsolutePath().toString(), "strange", false, false);
  }

  @Test
  void theFramesTableHoldsTheApiFiguresOfEachFrameAndAClipTheVideoCommandsFigures()
      throws Exception {
    assumeThat(KVASIR).isDirectory();
    // Six Kvasir-SEG test frames, given as a list of paths, with their masks: Dice and IoU.
    List<Path> frames;
    try (var files = Files.list(KVASIR.resolve("images"))) {
      frames = files.sorted().limit(6).toList();
    }
    Path list = dir.resolve("frames.txt");
    Files.writeString(list, frames.stream().map(p -> p.toAbsolutePath().normalize().toString())
        .collect(Collectors.joining("\n")));
    // A clip of eight consecutive CVC-ClinicDB training frames (1.png ... 8.png, one sequence).
    Path clip = dir.resolve("sequence.webm");
    try (ClipWriter writer = ClipWriter.toFile(clip, VideoFormat.WEBM, 384, 288, 25)) {
      for (int i = 1; i <= 8; i++) {
        writer.write(Images.readRgb(DATA.resolve("TrainDataset/images/" + i + ".png")));
      }
      writer.finish();
    }
    Path out = dir.resolve("out");

    ArchiveSummary summary = ArchiveJob.run(spark, settings(List.of(list.toString(),
        clip.toString()), out, KVASIR.resolve("masks").toString()), null);

    assertThat(summary.images()).isEqualTo(6);
    assertThat(summary.clips()).isEqualTo(1);
    assertThat(summary.frames()).isEqualTo(14);
    assertThat(summary.errors()).isZero();
    assertThat(summary.clipFrames()).isEqualTo(8);
    // The summary's counts are observed as the tables are written: they must be the tables'.
    assertThat(summary.polypFrames()).isEqualTo(rows(out.resolve("frames")).stream()
        .filter(r -> (double) r.getAs("area_fraction") >= Stretch.MIN_AREA_FRACTION).count());
    assertThat(out.resolve("summary.json")).content().contains("\"frames\" : 14");
    Map<String, Row> bySource = rows(out.resolve("frames")).stream()
        .filter(r -> r.isNullAt(r.fieldIndex("frame_index")))
        .collect(Collectors.toMap(r -> r.getAs("source_path"), Function.identity()));

    // The API's figures for the same frame and mask, by the same calls the API makes, on one
    // core as each task of local[2,2] runs (and the server's workers when more than one image is
    // in): PyTorch's sums, and so the last digits of the probabilities, depend on the threads.
    try (var model = ModelStore.load(Path.of("models"), CircuitBackend.named("strange"))) {
      SegmentationService service = new SegmentationService(model);
      TorchThreads.useOnThisThread(1);
      for (Path frame : frames) {
        Row row = bySource.get(frame.toAbsolutePath().normalize().toString());
        assertThat(row).as(frame.toString()).isNotNull();
        BufferedImage image = Images.readRgb(frame);
        Segmentation s = service.segment(image);
        BufferedImage mask = Images.readRgb(KVASIR.resolve("masks").resolve(frame.getFileName()));
        ThresholdAnalysis api = SegmentationService.analyze(s, 0.5,
            Masks.truth(mask, frame.getFileName().toString()));
        assertThat((int) row.getAs("width")).isEqualTo(image.getWidth());
        assertThat((long) row.getAs("area_px")).as(frame.toString()).isEqualTo(api.areaPx());
        assertThat((double) row.getAs("area_fraction")).isEqualTo(api.areaFraction());
        assertThat((double) row.getAs("dice")).isEqualTo(api.dice());
        assertThat((double) row.getAs("iou")).isEqualTo(api.iou());
        List<Region> regions = regions(row);
        assertThat(regions).isEqualTo(api.regions());
        assertThat((String) row.getAs("model_sha256")).isEqualTo(model.sha256());
      }
    }

    // The video command's own CSV of the same clip, frame by frame.
    Path csv = dir.resolve("video.csv");
    int exit = org.polypseg.cli.PolypSegCommand.execute("video", clip.toString(), "--out",
        dir.resolve("annotated.webm").toString(), "--csv", csv.toString());
    assertThat(exit).isZero();
    List<String> cli = Files.readAllLines(csv).subList(1, 9);
    List<Row> clipFrames = rows(out.resolve("frames")).stream()
        .filter(r -> !r.isNullAt(r.fieldIndex("frame_index")))
        .sorted((a, b) -> Integer.compare(a.getAs("frame_index"), b.getAs("frame_index")))
        .toList();
    assertThat(clipFrames).hasSize(8);
    for (int i = 0; i < 8; i++) {
      Row r = clipFrames.get(i);
      assertThat(String.format(java.util.Locale.ROOT, "%d,%.3f,%.6f,%d,%.4f",
          (int) r.getAs("frame_index"), (double) r.getAs("time_seconds"),
          (double) r.getAs("area_fraction"), (int) r.getAs("region_count"),
          (double) r.getAs("max_probability"))).isEqualTo(cli.get(i));
    }
    Row clipRow = rows(out.resolve("clips")).getFirst();
    assertThat((int) clipRow.getAs("frames")).isEqualTo(8);
    assertThat((double) clipRow.getAs("duration_seconds")).isEqualTo(8 / 25.0);
    // Once per executor: this JVM is the only executor in local mode.
    assertThat(ExecutorModel.loads()).isEqualTo(1);
  }

  @Test
  void aTaskThatFailsOnceStillLeavesEachFrameExactlyOnce() {
    assumeThat(CVC).isDirectory();
    Path out = dir.resolve("out");
    spark.sparkContext().setLocalProperty(FailOnce.PROPERTY, "true");
    ArchiveSummary summary;
    try {
      // 62 frames in 8 tasks: the first write task has several rows, and dies after its first.
      summary = ArchiveJob.run(spark, settings(List.of(CVC.resolve("images").toString()), out,
          null), null);
    } finally {
      spark.sparkContext().setLocalProperty(FailOnce.PROPERTY, null);
    }
    List<Row> frames = rows(out.resolve("frames"));
    assertThat(FailOnce.INJECTED.get()).as("a write task was made to fail").isEqualTo(1);
    assertThat(summary.frames()).isEqualTo(62);
    assertThat(frames).hasSize(62);
    assertThat(frames.stream().map(r -> (String) r.getAs("source_path")).distinct()).hasSize(62);
  }

  @Test
  void brokenFilesEndInErrorsAndTheRestIsAnalysed() throws Exception {
    assumeThat(CVC).isDirectory();
    Path in = Files.createDirectories(dir.resolve("in/sub"));
    Files.copy(CVC.resolve("images/14.png"), in.resolve("14.png"));
    Files.copy(CVC.resolve("images/100.png"), dir.resolve("in/100.png"));
    byte[] png = Files.readAllBytes(CVC.resolve("images/106.png"));
    Files.write(in.resolve("truncated.png"), Arrays.copyOf(png, png.length / 3));
    Files.writeString(in.resolve("notes.jpg"), "not a picture");
    Files.write(in.resolve("empty.mp4"), new byte[0]);
    Files.writeString(in.resolve("readme.txt"), "ignored: neither a frame nor a clip");
    Path out = dir.resolve("out");

    ArchiveSummary summary = ArchiveJob.run(spark, settings(List.of(dir.resolve("in").toString()),
        out, null), null);

    assertThat(summary.frames()).isEqualTo(2);
    assertThat(summary.errors()).isEqualTo(3);
    Map<String, String> errors = rows(out.resolve("errors")).stream().collect(Collectors.toMap(
        r -> Path.of((String) r.getAs("source_path")).getFileName().toString(),
        r -> r.getAs("reason")));
    assertThat(errors).containsOnlyKeys("truncated.png", "notes.jpg", "empty.mp4");
    assertThat(errors.get("notes.jpg")).contains(in.resolve("notes.jpg").toString())
        .contains("not a recognised image format");
    assertThat(errors.get("empty.mp4")).contains("empty");
    assertThat(errors.values()).noneMatch(reason -> reason.contains("Exception"));

    // Run again into the same output: refused, before any work, and nothing overwritten.
    String before = Files.readString(out.resolve("summary.json"));
    assertThatThrownBy(() -> ArchiveJob.run(spark, settings(List.of(in.toString()), out, null),
        null)).isInstanceOf(ArchiveInputException.class)
        .hasMessageContaining(out.toString()).hasMessageContaining("exists")
        .hasMessageContaining("--overwrite");
    assertThat(out.resolve("summary.json")).hasContent(before);
    // A missing input and a list naming a missing file are named.
    assertThatThrownBy(() -> ArchiveJob.run(spark, settings(List.of(dir.resolve("nowhere")
        .toString()), dir.resolve("out2"), null), null))
        .hasMessage(dir.resolve("nowhere") + ": not found");
    Path list = dir.resolve("list.csv");
    Files.writeString(list, "path,case\n" + in.resolve("14.png") + ",a\ngone.png,b\n");
    assertThatThrownBy(() -> ArchiveJob.run(spark, settings(List.of(list.toString()),
        dir.resolve("out2"), null), null))
        .hasMessageContaining(list + ": 1 of its 2 paths are not there, e.g. gone.png");
    assertThat(dir.resolve("out2")).doesNotExist();
  }

  private static List<Row> rows(Path table) {
    return spark.read().parquet(table.toString()).collectAsList();
  }

  private static List<Region> regions(Row row) {
    List<Row> regions = row.getList(row.fieldIndex("regions"));
    List<Region> out = new ArrayList<>();
    for (Row r : regions) {
      out.add(new Region(r.getInt(4), r.getInt(0), r.getInt(1), r.getInt(2), r.getInt(3),
          r.getDouble(5)));
    }
    return out;
  }
}
