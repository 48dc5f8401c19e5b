package org.polypseg.train;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A binary file of a training checkpoint beside the weights (the weight average, deep
 * supervision's side heads): written to a temporary file and moved into place, so a run stopped
 * mid-write leaves the previous epoch's file whole.
 */
final class CheckpointFile {

  private CheckpointFile() {}

  interface Writer {
    void write(DataOutputStream data) throws IOException;
  }

  interface Reader {
    void read(DataInputStream data) throws IOException;
  }

  static void write(Path file, Writer writer) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp));
        DataOutputStream data = new DataOutputStream(out)) {
      writer.write(data);
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Reads {@code file} when it exists; false when there is none. */
  static boolean read(Path file, Reader reader) throws IOException {
    if (!Files.isRegularFile(file)) {
      return false;
    }
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file));
        DataInputStream data = new DataInputStream(in)) {
      reader.read(data);
      return true;
    }
  }
}
