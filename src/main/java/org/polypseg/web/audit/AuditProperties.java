package org.polypseg.web.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The audit log, under {@code polypseg.audit.*}.
 *
 * @param enabled false turns the log off (not recommended with patient data)
 * @param file where the JSON lines go; empty (the default) = standard output. A file is rolled
 *     over daily and at {@code maxFileSize}, old ones gzipped and kept {@code maxHistory} days
 * @param maxFileSize size at which a file is rolled over within a day
 * @param maxHistory days of rolled-over files kept
 */
@ConfigurationProperties("polypseg.audit")
public record AuditProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("") String file,
    @DefaultValue("50MB") DataSize maxFileSize,
    @DefaultValue("90") int maxHistory) {

  @ConstructorBinding
  public AuditProperties {
    if (maxHistory < 1) {
      throw new IllegalArgumentException("polypseg.audit.max-history must be at least 1 (days)");
    }
    if (enabled && !file.isBlank()) {
      checkWritable(Path.of(file));
    }
  }

  /** Refuses, at start-up, a log file that cannot be written: an audit log must not go missing. */
  private static void checkWritable(Path file) {
    Path absolute = file.toAbsolutePath();
    if (Files.isDirectory(absolute)) {
      throw new IllegalArgumentException("polypseg.audit.file: " + absolute + " is a folder; "
          + "name a file in it, e.g. " + absolute.resolve("audit.jsonl"));
    }
    Path folder = absolute.getParent();
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new IllegalArgumentException("polypseg.audit.file: cannot make the folder " + folder
          + " (" + e.getMessage() + "); choose a writable place or leave it empty for standard "
          + "output");
    }
    if (Files.exists(absolute) ? !Files.isWritable(absolute) : !Files.isWritable(folder)) {
      throw new IllegalArgumentException("polypseg.audit.file: " + absolute + " is not "
          + "writable; choose a writable place or leave it empty for standard output");
    }
  }

  /** To standard output, with the defaults. */
  public static AuditProperties standardOutput() {
    return new AuditProperties(true, "", DataSize.ofMegabytes(50), 90);
  }
}
