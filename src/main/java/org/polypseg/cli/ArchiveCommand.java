package org.polypseg.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "archive", mixinStandardHelpOptions = true,
    description = {
        "Segment a whole archive of frames and clips on Apache Spark: embedded on this machine's",
        "cores by default, or on a cluster through spark-submit (see the README). Writes Parquet",
        "tables frames/, clips/, errors/ and a summary.json into --output.",
        "Run it as ./polypseg archive, which puts Spark on the class path (the web app's jar has"
            + " no Spark)."})
final class ArchiveCommand implements Callable<Integer> {

  @Option(names = "--input", required = true, arity = "1..*", paramLabel = "PATH",
      description = "folders of frames (PNG, JPEG, TIFF, BMP) and clips (MP4, MOV, WebM, MKV, AVI),"
          + " searched recursively; single files; or lists of paths (.txt, .csv with a 'path'"
          + " column or paths first, .parquet with a 'path' column). Local paths or any Hadoop"
          + " file system's (hdfs://, s3a://)")
  List<String> inputs;

  @Option(names = "--output", required = true, paramLabel = "DIR",
      description = "folder for frames/, clips/, errors/ (Parquet) and summary.json; must not"
          + " exist unless --overwrite")
  String output;

  @Option(names = "--masks", paramLabel = "DIR",
      description = "ground-truth masks, paired with frames by base name (cju1.png with"
          + " cju1.jpg) as the API pairs them: adds Dice and IoU")
  String masks;

  @Option(names = "--threshold", defaultValue = "0.5", paramLabel = "T",
      description = "a pixel is polyp when its probability is >= this (default: ${DEFAULT-VALUE})")
  double threshold;

  @Option(names = "--stride", defaultValue = "1", paramLabel = "N",
      description = "segment every Nth frame of a clip (default: ${DEFAULT-VALUE})")
  int stride;

  @Option(names = "--model", paramLabel = "DIR",
      description = "model folder, the same path on every executor (default: models/ of this"
          + " project)")
  Path model;

  @Option(names = "--backend", defaultValue = "strange",
      description = "quantum backend for inference: strange or statevector (default:"
          + " ${DEFAULT-VALUE})")
  String backend;

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master: local[*] (default: every core here), local[N], spark://host:port;"
          + " under spark-submit, its --master")
  String master;

  @Option(names = "--overwrite", description = "replace --output if it exists")
  boolean overwrite;

  @Option(names = "--write-masks",
      description = "keep each frame's predicted mask as PNG bytes in frames (column mask_png)")
  boolean writeMasks;

  @Override
  public Integer call() {
    requireSpark("archive");
    ModelOption modelOption = new ModelOption();
    modelOption.model = model;
    // As given, not made absolute here: under spark-submit a relative --model names the folder
    // that --archives unpacks in each executor's own working directory.
    return ArchiveRun.run(inputs, output, masks, threshold, stride,
        modelOption.resolve().toString(), backend, master, overwrite, writeMasks, System.out,
        System.err);
  }

  /** Spark is not in the web app's jar: say how to run the command with it. */
  static void requireSpark(String command) {
    try {
      Class.forName("org.apache.spark.sql.SparkSession");
    } catch (ClassNotFoundException e) {
      throw new UserError(command + " needs Apache Spark on the class path, which the web app's"
          + " jar leaves out: run it as ./polypseg " + command + " ..., or on a cluster with"
          + " spark-submit and target/polypseg-archive.jar (see the README)");
    }
  }

  /** Entry point for spark-submit: this command alone, no web app, no other command. */
  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    System.setProperty("ai.djl.offline", "true");
    System.exit(PolypSegCommand.execute(new ArchiveCommand(), args));
  }
}
