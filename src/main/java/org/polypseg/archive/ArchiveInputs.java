package org.polypseg.archive;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.SparkSession;

/**
 * Finds the archive's files on the driver, before any work: folders are searched recursively for
 * frames and clips (by extension), path lists are read, masks are paired with frames by base name
 * ({@code cju1.jpg} with {@code cju1.png}, as the API pairs them). Anything the user named that is
 * not there is an {@link ArchiveInputException}.
 */
final class ArchiveInputs {

  /** The image formats the app reads. */
  static final Set<String> FRAME_EXTENSIONS = Set.of("png", "jpg", "jpeg", "tif", "tiff", "bmp");

  /** The video containers the app reads. */
  static final Set<String> CLIP_EXTENSIONS = Set.of("mp4", "m4v", "mov", "webm", "mkv", "avi");

  /** Files that list paths, one a line (.csv: the {@code path} column, else the first). */
  static final Set<String> LIST_EXTENSIONS = Set.of("txt", "lst", "csv", "parquet");

  private final SparkSession spark;
  private final Configuration conf;
  private final Map<String, WorkItem> items = new LinkedHashMap<>();
  private String maskFolder;

  private ArchiveInputs(SparkSession spark) {
    this.spark = spark;
    this.conf = spark.sparkContext().hadoopConfiguration();
  }

  /** The work items of {@code settings}, frames paired with their masks; none twice. */
  static List<WorkItem> list(SparkSession spark, ArchiveSettings settings) {
    ArchiveInputs inputs = new ArchiveInputs(spark);
    Map<String, String> masks = inputs.masks(settings.masks());
    for (String input : settings.inputs()) {
      inputs.add(input, true);
    }
    if (inputs.items.isEmpty()) {
      throw new ArchiveInputException(String.join(", ", settings.inputs())
          + ": no frames (" + String.join(", ", sorted(FRAME_EXTENSIONS)) + ") or clips ("
          + String.join(", ", sorted(CLIP_EXTENSIONS)) + ") found");
    }
    List<WorkItem> out = new ArrayList<>();
    for (WorkItem item : inputs.items.values()) {
      String mask = item.clip() ? null : masks.get(base(item.path()));
      out.add(new WorkItem(item.path(), item.clip(), mask));
    }
    return out;
  }

  private Map<String, String> masks(String folder) {
    Map<String, String> byBase = new HashMap<>();
    if (folder == null) {
      return byBase;
    }
    FileStatus status = status(folder);
    if (status == null || !status.isDirectory()) {
      throw new ArchiveInputException("--masks " + folder + ": "
          + (status == null ? "not found" : "not a folder"));
    }
    maskFolder = display(status.getPath());
    try {
      FileSystem fs = status.getPath().getFileSystem(conf);
      RemoteIterator<LocatedFileStatus> files = fs.listFiles(status.getPath(), true);
      while (files.hasNext()) {
        Path file = files.next().getPath();
        if (FRAME_EXTENSIONS.contains(extension(file.getName())) && !hidden(file.getName())) {
          byBase.putIfAbsent(base(file.getName()), display(file));
        }
      }
    } catch (IOException e) {
      throw new ArchiveInputException(folder + ": cannot be listed (" + e.getMessage() + ")");
    }
    return byBase;
  }

  /** Adds a folder, a frame, a clip or a path list; {@code named}: the user named it directly. */
  private void add(String input, boolean named) {
    FileStatus status = status(input);
    if (status == null) {
      throw new ArchiveInputException(input + ": not found");
    }
    Path path = status.getPath();
    String ext = extension(path.getName());
    if (status.isDirectory()) {
      addFolder(path);
    } else if (FRAME_EXTENSIONS.contains(ext) || CLIP_EXTENSIONS.contains(ext)) {
      addFile(path);
    } else if (named && LIST_EXTENSIONS.contains(ext)) {
      addList(path, ext);
    } else {
      throw new ArchiveInputException(input + ": neither a folder, a frame ("
          + String.join(", ", sorted(FRAME_EXTENSIONS)) + "), a clip ("
          + String.join(", ", sorted(CLIP_EXTENSIONS)) + ") nor a list of paths (.txt, .csv,"
          + " .parquet)");
    }
  }

  private void addFolder(Path folder) {
    try {
      RemoteIterator<LocatedFileStatus> files = folder.getFileSystem(conf).listFiles(folder, true);
      while (files.hasNext()) {
        Path file = files.next().getPath();
        String ext = extension(file.getName());
        boolean wanted = FRAME_EXTENSIONS.contains(ext) || CLIP_EXTENSIONS.contains(ext);
        // Masks in a folder of the input (images/ beside masks/) are truth, not frames.
        boolean mask = maskFolder != null && display(file).startsWith(maskFolder + "/");
        if (wanted && !mask && !hidden(file.getName()) && !hiddenBelow(folder, file)) {
          addFile(file);
        }
      }
    } catch (IOException e) {
      throw new ArchiveInputException(display(folder) + ": cannot be listed ("
          + e.getMessage() + ")");
    }
  }

  private void addFile(Path file) {
    String shown = display(file);
    items.putIfAbsent(shown,
        new WorkItem(shown, CLIP_EXTENSIONS.contains(extension(file.getName())), null));
  }

  private void addList(Path list, String ext) {
    List<String> entries = ext.equals("parquet") ? parquetList(list) : textList(list, ext);
    List<String> missing = new ArrayList<>();
    for (String entry : entries) {
      Path p = new Path(entry);
      String resolved = p.isAbsoluteAndSchemeAuthorityNull() || p.toUri().getScheme() != null
          ? entry : new Path(list.getParent(), entry).toString();
      if (status(resolved) == null) {
        missing.add(entry);
      } else {
        add(resolved, false);
      }
    }
    if (!missing.isEmpty()) {
      throw new ArchiveInputException(display(list) + ": " + missing.size() + " of its "
          + entries.size() + " paths are not there, e.g. "
          + String.join(", ", missing.subList(0, Math.min(5, missing.size()))));
    }
  }

  private List<String> textList(Path list, String ext) {
    List<String> entries = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(
        list.getFileSystem(conf).open(list), StandardCharsets.UTF_8))) {
      String line;
      int column = 0;
      boolean first = true;
      while ((line = reader.readLine()) != null) {
        line = line.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        if (ext.equals("csv")) {
          String[] fields = line.split(",", -1);
          if (first) {
            first = false;
            int header = List.of(fields).stream().map(f -> unquote(f).toLowerCase(Locale.ROOT))
                .toList().indexOf("path");
            if (header >= 0) {
              column = header;
              continue;
            }
          }
          line = column < fields.length ? unquote(fields[column]) : "";
          if (line.isEmpty()) {
            continue;
          }
        }
        entries.add(line);
      }
    } catch (IOException e) {
      throw new ArchiveInputException(display(list) + ": cannot be read (" + e.getMessage() + ")");
    }
    return entries;
  }

  private List<String> parquetList(Path list) {
    try {
      var table = spark.read().parquet(list.toString());
      if (!List.of(table.columns()).contains("path")) {
        throw new ArchiveInputException(display(list) + ": a Parquet list of paths needs a"
            + " column 'path'; it has " + String.join(", ", table.columns()));
      }
      return table.select("path").collectAsList().stream().map(r -> r.getString(0))
          .filter(s -> s != null && !s.isBlank()).toList();
    } catch (ArchiveInputException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ArchiveInputException(display(list) + ": not a readable Parquet file ("
          + firstLine(e.getMessage()) + ")");
    }
  }

  private FileStatus status(String path) {
    try {
      Path p = new Path(path);
      FileSystem fs = p.getFileSystem(conf);
      return fs.exists(p) ? fs.getFileStatus(fs.makeQualified(p)) : null;
    } catch (IOException | IllegalArgumentException e) {
      throw new ArchiveInputException(path + ": cannot be reached (" + firstLine(e.getMessage())
          + ")");
    }
  }

  /** A local file as its plain path; any other with its scheme (hdfs://..., s3a://...). */
  static String display(Path qualified) {
    return "file".equals(qualified.toUri().getScheme()) ? qualified.toUri().getPath()
        : qualified.toString();
  }

  /** Hadoop's and Spark's convention: names starting with . or _ are not data. */
  private static boolean hidden(String name) {
    return name.startsWith(".") || name.startsWith("_");
  }

  private static boolean hiddenBelow(Path folder, Path file) {
    String below = display(file).substring(Math.min(display(file).length(),
        display(folder).length()));
    return below.contains("/.") || below.contains("/_");
  }

  static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /** The base name: the file name without folder and extension, lower case. */
  static String base(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    return (dot < 0 ? name : name.substring(0, dot)).toLowerCase(Locale.ROOT);
  }

  private static String unquote(String field) {
    String f = field.strip();
    return f.length() >= 2 && f.startsWith("\"") && f.endsWith("\"")
        ? f.substring(1, f.length() - 1).replace("\"\"", "\"") : f;
  }

  static String firstLine(String message) {
    if (message == null) {
      return "no reason given";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  private static List<String> sorted(Set<String> set) {
    return set.stream().sorted().toList();
  }
}
