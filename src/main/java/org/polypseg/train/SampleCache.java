package org.polypseg.train;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.polypseg.data.PreparedSample;
import org.polypseg.data.SampleLoader;
import org.polypseg.data.SamplePair;
import org.polypseg.image.ImageReadException;

/**
 * Decoded, resized samples kept in the checkpoint folder so that a resumed run does not decode the
 * 1,450 source images again. The cache is keyed by the list of files and the size; any change in
 * either rebuilds it.
 */
final class SampleCache {

  private final Path dir;
  private final int size;

  SampleCache(Path dir, int size) {
    this.dir = dir;
    this.size = size;
  }

  List<PreparedSample> load(List<SamplePair> pairs, String part, PrintStream log)
      throws IOException, ImageReadException {
    Files.createDirectories(dir);
    Path file = dir.resolve("samples-" + part + "-" + size + "-" + key(pairs) + ".bin");
    if (Files.exists(file)) {
      return read(file, pairs.size());
    }
    List<PreparedSample> samples;
    try (ProgressBar bar = new ProgressBarBuilder().setTaskName("loading " + part)
        .setInitialMax(pairs.size()).setStyle(ProgressBarStyle.ASCII).build()) {
      samples = SampleLoader.loadAll(pairs, size, i -> bar.step());
    }
    write(file, samples);
    log.printf("cached %d %s samples in %s%n", samples.size(), part, file);
    return samples;
  }

  private String key(List<SamplePair> pairs) {
    int h = 17;
    for (SamplePair p : pairs) {
      h = 31 * h + p.image().toAbsolutePath().toString().hashCode();
      h = 31 * h + p.mask().toAbsolutePath().toString().hashCode();
    }
    return Integer.toHexString(h);
  }

  private static void write(Path file, List<PreparedSample> samples) throws IOException {
    Path tmp = Path.of(file + ".tmp");
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
      for (PreparedSample s : samples) {
        out.writeUTF(s.name());
        out.writeInt(s.size());
        out.write(s.rgb());
        out.write(s.mask());
      }
    }
    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  private static List<PreparedSample> read(Path file, int count) throws IOException {
    List<PreparedSample> samples = new ArrayList<>(count);
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      for (int i = 0; i < count; i++) {
        String name = in.readUTF();
        int s = in.readInt();
        byte[] rgb = new byte[3 * s * s];
        byte[] mask = new byte[s * s];
        in.readFully(rgb);
        in.readFully(mask);
        samples.add(new PreparedSample(name, s, rgb, mask));
      }
    }
    return samples;
  }
}
