package org.polypseg.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.polypseg.image.Images;

/**
 * A folder with {@code images/} and {@code masks/} whose files share base names (the mask's
 * extension may differ). {@link #scan} checks the whole folder before anything is trained or
 * written: every unmatched file, unreadable image and image/mask size mismatch is reported at once.
 */
public final class DataFolder {

  private static final List<String> EXTENSIONS =
      List.of("png", "jpg", "jpeg", "tif", "tiff", "bmp");

  static {
    ImageIO.scanForPlugins();
  }

  private DataFolder() {}

  /** The matched pairs of {@code dir}, sorted by name, or every problem found. */
  public static List<SamplePair> scan(Path dir) throws DataFolderException {
    List<String> problems = new ArrayList<>();
    Path imagesDir = dir.resolve("images");
    Path masksDir = dir.resolve("masks");
    if (!Files.isDirectory(dir)) {
      throw new DataFolderException(List.of(dir + ": folder not found"));
    }
    Map<String, Path> images = listImages(imagesDir, problems);
    Map<String, Path> masks = listImages(masksDir, problems);
    if (!problems.isEmpty()) {
      throw new DataFolderException(problems);
    }
    List<SamplePair> pairs = new ArrayList<>();
    for (Map.Entry<String, Path> e : images.entrySet()) {
      Path mask = masks.get(e.getKey());
      if (mask == null) {
        problems.add(e.getValue() + ": no mask with the same base name in " + masksDir);
        continue;
      }
      int[] imageSize = headerSize(e.getValue(), problems);
      int[] maskSize = headerSize(mask, problems);
      if (imageSize != null && maskSize != null
          && (imageSize[0] != maskSize[0] || imageSize[1] != maskSize[1])) {
        problems.add(mask + ": mask is " + maskSize[0] + "x" + maskSize[1] + " but its image "
            + e.getValue().getFileName() + " is " + imageSize[0] + "x" + imageSize[1]);
      }
      pairs.add(new SamplePair(e.getKey(), e.getValue(), mask));
    }
    for (Map.Entry<String, Path> e : masks.entrySet()) {
      if (!images.containsKey(e.getKey())) {
        problems.add(e.getValue() + ": no image with the same base name in " + imagesDir);
      }
    }
    if (pairs.isEmpty() && problems.isEmpty()) {
      problems.add(imagesDir + ": no images (" + String.join(", ", EXTENSIONS) + ")");
    }
    if (!problems.isEmpty()) {
      throw new DataFolderException(problems);
    }
    return pairs;
  }

  /** Scans several folders; problems of all of them are reported together. */
  public static List<SamplePair> scanAll(List<Path> dirs) throws DataFolderException {
    List<String> problems = new ArrayList<>();
    List<SamplePair> all = new ArrayList<>();
    for (Path dir : dirs) {
      try {
        all.addAll(scan(dir));
      } catch (DataFolderException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new DataFolderException(problems);
    }
    return all;
  }

  private static Map<String, Path> listImages(Path dir, List<String> problems) {
    Map<String, Path> byName = new TreeMap<>();
    if (!Files.isDirectory(dir)) {
      problems.add(dir + ": folder not found (a data folder holds images/ and masks/)");
      return byName;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.sorted().toList()) {
        String fileName = file.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        if (fileName.startsWith(".") || dot < 0) {
          continue;
        }
        String ext = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (!EXTENSIONS.contains(ext)) {
          continue;
        }
        Path previous = byName.put(fileName.substring(0, dot), file);
        if (previous != null) {
          problems.add(file + ": same base name as " + previous.getFileName());
        }
      }
    } catch (IOException e) {
      problems.add(dir + ": cannot be listed (" + e.getMessage() + ")");
    }
    return byName;
  }

  /** Width and height from the file's header, without decoding its pixels; null if unreadable. */
  static int[] headerSize(Path file, List<String> problems) {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        problems.add(file + ": not a readable image; supported: " + Images.SUPPORTED);
        return null;
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in);
        return new int[] {reader.getWidth(0), reader.getHeight(0)};
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      problems.add(file + ": not a readable image (" + e.getMessage() + ")");
      return null;
    }
  }
}
