package org.polypseg.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * The archive's files through Hadoop's file systems. A path without a scheme is a local file (the
 * driver writes local paths that way, see {@link ArchiveInputs}); any other (hdfs://, s3a://) is
 * read through Hadoop with the driver's Hadoop settings, so credentials given to spark-submit
 * reach the executors.
 */
final class HadoopFiles implements ArchiveFiles {

  private final Map<String, String> settings;
  private Configuration conf;

  HadoopFiles(Map<String, String> settings) {
    this.settings = settings;
  }

  /**
   * Made on the first remote path only: a task of local files never needs it, and a new
   * Configuration that loads Hadoop's default resources parses their XML again, per task. The
   * driver's settings already hold those defaults, so none are loaded here.
   */
  private synchronized Configuration conf() {
    if (conf == null) {
      Configuration c = new Configuration(false);
      settings.forEach(c::set);
      conf = c;
    }
    return conf;
  }

  static boolean isLocal(String path) {
    return !path.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");
  }

  @Override
  public long length(String path) throws IOException {
    if (isLocal(path)) {
      return Files.size(Path.of(path));
    }
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
    return p.getFileSystem(conf()).getFileStatus(p).getLen();
  }

  @Override
  public byte[] read(String path) throws IOException {
    if (isLocal(path)) {
      return Files.readAllBytes(Path.of(path));
    }
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
    try (InputStream in = p.getFileSystem(conf()).open(p)) {
      return in.readAllBytes();
    }
  }

  @Override
  public Local local(String path) throws IOException {
    if (isLocal(path)) {
      Path file = Path.of(path);
      return new Local() {
        @Override
        public Path path() {
          return file;
        }

        @Override
        public void close() {}
      };
    }
    // FFmpeg seeks in the file (an MP4's index may sit at its end): a local copy, deleted after.
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
    String name = p.getName();
    Path copy = Files.createTempFile("polypseg-clip-",
        name.contains(".") ? name.substring(name.lastIndexOf('.')) : "");
    FileSystem fs = p.getFileSystem(conf());
    try (InputStream in = fs.open(p); OutputStream out = Files.newOutputStream(copy)) {
      in.transferTo(out);
    } catch (IOException e) {
      Files.deleteIfExists(copy);
      throw e;
    }
    return new Local() {
      @Override
      public Path path() {
        return copy;
      }

      @Override
      public void close() throws IOException {
        Files.deleteIfExists(copy);
      }
    };
  }
}
