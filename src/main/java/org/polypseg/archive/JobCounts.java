package org.polypseg.archive;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.polypseg.video.Stretch;

/**
 * The summary's counts, observed on the three tables as they are written, so that no extra pass
 * over the results is needed (on a small archive that pass cost as much as a tenth of the job).
 *
 * <p>Spark's {@link Observation} counts the rows that reach the writer, in the same tasks: a task
 * that fails adds nothing and its retry counts again, so the counts are exact even when a retry
 * reads the analysed files back from the cache instead of analysing them again (plain
 * accumulators in the analysis would then miss the failed task's files).
 */
final class JobCounts {

  /** The counts, once the three tables are written. */
  record Snapshot(long frames, long images, long polypFrames, long clips, long clipFrames,
      long errors) {}

  private final Observation frames = new Observation("polypseg frames");
  private final Observation clips = new Observation("polypseg clips");
  private final Observation errors = new Observation("polypseg errors");

  /** The {@code frames} table, counted as it is written. */
  Dataset<Row> framesTable(Dataset<Row> table) {
    return table.observe(frames, count(lit(1)).as("frames"),
        count(when(col("frame_index").isNull(), 1)).as("images"),
        count(when(col("area_fraction").geq(Stretch.MIN_AREA_FRACTION), 1)).as("polyp"));
  }

  /** The {@code clips} table, counted as it is written. */
  Dataset<Row> clipsTable(Dataset<Row> table) {
    return table.observe(clips, count(lit(1)).as("clips"),
        coalesce(sum(col("frames")), lit(0L)).as("frames"));
  }

  /** The {@code errors} table, counted as it is written. */
  Dataset<Row> errorsTable(Dataset<Row> table) {
    return table.observe(errors, count(lit(1)).as("errors"));
  }

  /** After the three tables are written (waits for their metrics). */
  Snapshot snapshot() {
    try {
      Map<String, Object> f = frames.getAsJava();
      Map<String, Object> c = clips.getAsJava();
      return new Snapshot(number(f, "frames"), number(f, "images"), number(f, "polyp"),
          number(c, "clips"), number(c, "frames"), number(errors.getAsJava(), "errors"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the tables' counts were collected", e);
    }
  }

  private static long number(Map<String, Object> metrics, String name) {
    return ((Number) metrics.get(name)).longValue();
  }
}
