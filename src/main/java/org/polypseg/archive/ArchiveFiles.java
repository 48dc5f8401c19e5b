package org.polypseg.archive;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The files of an archive as a task reads them: on the local disk or on any file system Hadoop
 * reads (HDFS, S3A). Paths are as {@link WorkItem} holds them.
 */
public interface ArchiveFiles {

  /** The file's length, bytes. */
  long length(String path) throws IOException;

  /** The whole file (a frame or a mask: small). */
  byte[] read(String path) throws IOException;

  /**
   * The file on the local disk, for the decoder that streams a clip: the file itself when it is
   * local, else a temporary copy that {@link Local#close()} deletes.
   */
  Local local(String path) throws IOException;

  /** A local file for the length of a try-with-resources block. */
  interface Local extends AutoCloseable {
    Path path();

    @Override
    void close() throws IOException;
  }
}
