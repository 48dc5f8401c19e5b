package org.polypseg.archive;

import java.io.Serializable;
import java.util.List;

/**
 * What one archive run is asked to do; travels to the executors with the job.
 *
 * @param inputs folders of frames and clips (searched recursively), single files, or path lists
 *     (.txt, .csv, .parquet); any path Spark's Hadoop file systems read (local, hdfs://, s3a://)
 * @param output the folder to write {@code frames/}, {@code clips/}, {@code errors/} and {@code
 *     summary.json} into; must not exist unless {@code overwrite}
 * @param masks a folder of ground-truth masks paired with the frames by base name, or null
 * @param threshold a pixel is polyp when its probability is &gt;= this, 0..1
 * @param stride every {@code stride}-th frame of a clip is segmented, 1..100
 * @param modelDir the model folder, as every executor sees it (a shared path, or one shipped
 *     with {@code spark-submit --archives})
 * @param backend the quantum backend for inference: strange or statevector
 * @param overwrite replace an existing output folder
 * @param writeMasks keep each frame's predicted mask as PNG bytes in {@code frames}
 */
public record ArchiveSettings(List<String> inputs, String output, String masks, double threshold,
    int stride, String modelDir, String backend, boolean overwrite, boolean writeMasks)
    implements Serializable {

  public ArchiveSettings {
    inputs = List.copyOf(inputs);
  }
}
