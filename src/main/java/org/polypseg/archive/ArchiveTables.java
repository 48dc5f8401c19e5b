package org.polypseg.archive;

import static org.apache.spark.sql.types.DataTypes.BinaryType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.apache.spark.sql.types.DataTypes.createStructType;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.polypseg.segment.Region;
import org.polypseg.video.Stretch;

/**
 * The Parquet tables' columns (snake_case, as SQL engines and pandas expect) and the rows made
 * from the analyzer's records. The job's intermediate row holds one of a frame, a clip or an
 * error, so that the files are analysed once and the three tables written from that one pass.
 */
final class ArchiveTables {

  static final StructType REGION = createStructType(List.of(
      createStructField("x", IntegerType, false),
      createStructField("y", IntegerType, false),
      createStructField("width", IntegerType, false),
      createStructField("height", IntegerType, false),
      createStructField("area_px", IntegerType, false),
      createStructField("mean_probability", DoubleType, false)));

  static final StructType FRAME = createStructType(List.of(
      createStructField("source_path", StringType, false),
      createStructField("frame_index", IntegerType, true),
      createStructField("time_seconds", DoubleType, true),
      createStructField("width", IntegerType, false),
      createStructField("height", IntegerType, false),
      createStructField("threshold", DoubleType, false),
      createStructField("area_px", LongType, false),
      createStructField("area_fraction", DoubleType, false),
      createStructField("region_count", IntegerType, false),
      createStructField("regions", createArrayType(REGION, false), false),
      createStructField("max_probability", DoubleType, false),
      createStructField("mean_probability", DoubleType, false),
      createStructField("dice", DoubleType, true),
      createStructField("iou", DoubleType, true),
      createStructField("model_name", StringType, false),
      createStructField("model_sha256", StringType, false),
      createStructField("mask_png", BinaryType, true)));

  static final StructType STRETCH = createStructType(List.of(
      createStructField("first_frame", IntegerType, false),
      createStructField("last_frame", IntegerType, false),
      createStructField("start_seconds", DoubleType, false),
      createStructField("end_seconds", DoubleType, false),
      createStructField("key_frame", IntegerType, false),
      createStructField("key_area_fraction", DoubleType, false)));

  static final StructType CLIP = createStructType(List.of(
      createStructField("source_path", StringType, false),
      createStructField("width", IntegerType, false),
      createStructField("height", IntegerType, false),
      createStructField("frames_per_second", DoubleType, false),
      createStructField("frames", IntegerType, false),
      createStructField("analysed_frames", IntegerType, false),
      createStructField("duration_seconds", DoubleType, false),
      createStructField("stride", IntegerType, false),
      createStructField("threshold", DoubleType, false),
      createStructField("stretch_count", IntegerType, false),
      createStructField("stretches", createArrayType(STRETCH, false), false),
      createStructField("model_name", StringType, false),
      createStructField("model_sha256", StringType, false)));

  static final StructType ERROR = createStructType(List.of(
      createStructField("source_path", StringType, false),
      createStructField("kind", StringType, false),
      createStructField("reason", StringType, false)));

  /** One of frame, clip, error per row; the other two null. */
  static final StructType RESULT = createStructType(List.of(
      createStructField("frame", FRAME, true),
      createStructField("clip", CLIP, true),
      createStructField("error", ERROR, true)));

  private ArchiveTables() {}

  /** The result rows of one file, in order: its frames, its clip, its errors. */
  static List<Row> rows(ItemResult result) {
    List<Row> rows = new ArrayList<>();
    for (FrameRecord f : result.frames()) {
      rows.add(RowFactory.create(frame(f), null, null));
    }
    if (result.clip() != null) {
      rows.add(RowFactory.create(null, clip(result.clip()), null));
    }
    for (ErrorRecord e : result.errors()) {
      rows.add(RowFactory.create(null, null, RowFactory.create(e.source(), e.kind(), e.reason())));
    }
    return rows;
  }

  static Row frame(FrameRecord f) {
    List<Row> regions = new ArrayList<>();
    for (Region r : f.regions()) {
      regions.add(RowFactory.create(r.x(), r.y(), r.width(), r.height(), r.areaPx(),
          r.meanProbability()));
    }
    return RowFactory.create(f.source(), f.frameIndex(), f.timeSeconds(), f.width(), f.height(),
        f.threshold(), f.areaPx(), f.areaFraction(), f.regions().size(), seq(regions),
        f.maxProbability(), f.meanProbability(), f.dice(), f.iou(), f.modelName(),
        f.modelSha256(), f.maskPng());
  }

  static Row clip(ClipRecord c) {
    List<Row> stretches = new ArrayList<>();
    for (Stretch s : c.stretches()) {
      stretches.add(RowFactory.create(s.firstFrame(), s.lastFrame(), s.startSeconds(),
          s.endSeconds(), s.keyFrame(), s.keyAreaFraction()));
    }
    return RowFactory.create(c.source(), c.width(), c.height(), c.framesPerSecond(), c.frames(),
        c.analysedFrames(), c.durationSeconds(), c.stride(), c.threshold(),
        c.stretches().size(), seq(stretches), c.modelName(), c.modelSha256());
  }

  /** A Row's array is a Scala sequence (a Java list fails to encode). */
  private static scala.collection.immutable.Seq<Row> seq(List<Row> rows) {
    return scala.jdk.javaapi.CollectionConverters.asScala(rows).toList();
  }
}
