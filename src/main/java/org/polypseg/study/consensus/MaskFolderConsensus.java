package org.polypseg.study.consensus;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.polypseg.image.ImageReadException;
import org.polypseg.image.Images;
import org.polypseg.image.Masks;

/**
 * The consensus of folders of masks made elsewhere, one folder per rater: the {@code consensus}
 * command. A frame is a file base name found in every folder (the extension may differ, e.g. one
 * rater's JPEG and another's PNG); masks are read as everywhere in polypseg ({@link Masks#truth}:
 * polyp where the grey level is above 128, and a file that is clearly no mask, such as a colour
 * frame, is refused). Every folder and every mask is checked before anything is written; the
 * consensus masks are then written to a hidden folder beside {@code out} and moved into place,
 * so a failure leaves nothing half written.
 */
public final class MaskFolderConsensus {

  static final List<String> EXTENSIONS = List.of("png", "jpg", "jpeg", "tif", "tiff", "bmp");

  /** Frames named in a message about missing masks, at most. */
  private static final int NAMED = 5;

  private MaskFolderConsensus() {}

  /**
   * What was done.
   *
   * @param figures the agreement figures, with each rater's Dice against the consensus
   * @param out the folder of consensus masks (0/255 PNG named {@code BASE.png})
   */
  public record Outcome(AgreementFigures figures, Path out) {}

  /**
   * Checks the rater folders, estimates the consensus and writes one consensus mask per frame.
   *
   * @param raterDirs one folder of masks per rater, at least two; each rater is named after its
   *     folder (the path as given where two folders have the same name)
   * @param out the folder for the consensus masks; created, or an existing folder whose files of
   *     the same names are replaced
   * @throws ConsensusInputException naming every problem with the folders and masks; nothing is
   *     written then
   * @throws IOException when the masks cannot be written; nothing is left half written
   */
  public static Outcome run(List<Path> raterDirs, Path out)
      throws ConsensusInputException, IOException {
    List<String> problems = new ArrayList<>();
    checkFolders(raterDirs, out, problems);
    throwIfAny(problems);
    List<Map<String, Path>> masks = new ArrayList<>();
    for (Path dir : raterDirs) {
      masks.add(listMasks(dir, problems));
    }
    throwIfAny(problems);
    List<String> frames = commonFrames(raterDirs, masks, problems);
    throwIfAny(problems);

    ConsensusAnalysis analysis = new ConsensusAnalysis(raterNames(raterDirs));
    for (String frame : frames) {
      FrameMasks read = readFrame(frame, masks, problems);
      if (read != null) {
        analysis.add(outputName(frame), read.masks());
      }
    }
    throwIfAny(problems);
    ConsensusResult result = analysis.result();
    double[] consensusDice = writeConsensus(result.staple(), frames, masks, out);
    return new Outcome(AgreementFigures.of(result, consensusDice), out);
  }

  private static void checkFolders(List<Path> raterDirs, Path out, List<String> problems) {
    if (raterDirs.size() < 2) {
      problems.add("a consensus needs the masks of at least two raters, one folder each"
          + " (--raters DIR DIR ...); got " + (raterDirs.isEmpty() ? "none"
              : "only " + raterDirs.getFirst()));
      return;
    }
    if (raterDirs.size() > DecisionPatterns.MAX_RATERS) {
      problems.add("at most " + DecisionPatterns.MAX_RATERS + " raters; got " + raterDirs.size());
      return;
    }
    Map<Path, Path> seen = new HashMap<>();
    for (Path dir : raterDirs) {
      if (!Files.exists(dir)) {
        problems.add(dir + ": folder not found");
      } else if (!Files.isDirectory(dir)) {
        problems.add(dir + ": not a folder (--raters takes one folder of masks per rater)");
      } else {
        Path previous = seen.putIfAbsent(realPath(dir), dir);
        if (previous != null) {
          problems.add(dir + ": the same rater folder given twice (also as " + previous + ")");
        }
      }
    }
    if (Files.exists(out) && !Files.isDirectory(out)) {
      problems.add(out + ": exists and is not a folder (--out takes a folder for the consensus"
          + " masks)");
    } else if (Files.isDirectory(out) && seen.containsKey(realPath(out))) {
      problems.add(out + ": is one of the rater folders; the consensus masks would replace that"
          + " rater's masks (choose another --out)");
    }
  }

  /** Each rater's masks by base name. */
  private static Map<String, Path> listMasks(Path dir, List<String> problems) {
    Map<String, Path> byBase = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        if (name.startsWith(".") || dot < 0 || !Files.isRegularFile(file)
            || !EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT))) {
          continue;
        }
        Path previous = byBase.put(name.substring(0, dot), file);
        if (previous != null) {
          problems.add(file + ": same base name as " + previous.getFileName()
              + " (one mask per frame)");
        }
      }
    } catch (IOException e) {
      problems.add(dir + ": cannot be listed (" + e.getMessage() + ")");
      return byBase;
    }
    if (byBase.isEmpty()) {
      problems.add(dir + ": no masks (" + String.join(", ", EXTENSIONS) + ")");
    }
    return byBase;
  }

  /** The frames every rater has, sorted; each folder lacking some is named with what it lacks. */
  private static List<String> commonFrames(List<Path> raterDirs, List<Map<String, Path>> masks,
      List<String> problems) {
    TreeMap<String, Path> all = new TreeMap<>();
    for (Map<String, Path> rater : masks) {
      rater.forEach(all::putIfAbsent);
    }
    for (int j = 0; j < raterDirs.size(); j++) {
      TreeSet<String> missing = new TreeSet<>(all.keySet());
      missing.removeAll(masks.get(j).keySet());
      if (!missing.isEmpty()) {
        List<String> named = missing.stream().limit(NAMED)
            .map(base -> all.get(base).getFileName().toString()).toList();
        problems.add(String.format(Locale.ROOT,
            "%s: no mask for %d of the %d frames that other raters have: %s%s (every rater"
                + " folder needs a mask of the same name for every frame)",
            raterDirs.get(j), missing.size(), all.size(), String.join(", ", named),
            missing.size() > NAMED ? ", …" : ""));
      }
    }
    return List.copyOf(all.keySet());
  }

  /** The masks of one frame, {@code [rater][pixel]}, row-major, {@code width} pixels a row. */
  private record FrameMasks(boolean[][] masks, int width) {}

  /** The masks of one frame, or null with its problems added. */
  private static FrameMasks readFrame(String frame, List<Map<String, Path>> masks,
      List<String> problems) {
    boolean[][] frameMasks = new boolean[masks.size()][];
    Path first = null;
    int width = 0;
    int height = 0;
    boolean ok = true;
    for (int j = 0; j < masks.size(); j++) {
      Path file = masks.get(j).get(frame);
      try {
        BufferedImage image = Images.readRgb(file);
        frameMasks[j] = Masks.truth(image, file.toString());
        if (first == null) {
          first = file;
          width = image.getWidth();
          height = image.getHeight();
        } else if (image.getWidth() != width || image.getHeight() != height) {
          problems.add(String.format(Locale.ROOT,
              "%s: %dx%d pixels, but %s is %dx%d; the masks of one frame must be of one size",
              file, image.getWidth(), image.getHeight(), first, width, height));
          ok = false;
        }
      } catch (ImageReadException e) {
        problems.add(e.getMessage());
        ok = false;
      }
    }
    return ok ? new FrameMasks(frameMasks, width) : null;
  }

  /** Writes each frame's consensus; returns each rater's mean Dice against it. */
  private static double[] writeConsensus(StapleResult staple, List<String> frames,
      List<Map<String, Path>> masks, Path out) throws IOException {
    Path target = out.toAbsolutePath().normalize();
    Path parent = target.getParent();
    Files.createDirectories(parent);
    Path partial = Files.createTempDirectory(parent, "." + target.getFileName() + ".partial-");
    try {
      double[] diceSum = new double[masks.size()];
      // Read again rather than kept since the first pass: STAPLE needs every frame before any
      // consensus, and a study of a thousand full-HD frames would not fit in memory.
      for (String frame : frames) {
        List<String> problems = new ArrayList<>();
        FrameMasks read = readFrame(frame, masks, problems);
        if (read == null) {
          throw new IOException("the masks changed while being read: " + problems);
        }
        boolean[] consensus = staple.consensus(read.masks());
        double[] dice = Agreement.diceAgainst(consensus, read.masks());
        for (int j = 0; j < dice.length; j++) {
          diceSum[j] += dice[j];
        }
        ImageIO.write(maskImage(consensus, read.width()), "png",
            partial.resolve(outputName(frame)).toFile());
      }
      publish(partial, target);
      for (int j = 0; j < diceSum.length; j++) {
        diceSum[j] /= frames.size();
      }
      return diceSum;
    } finally {
      deleteIfLeft(partial);
    }
  }

  /** An 8-bit grey PNG image of a mask: 255 polyp, 0 background. */
  static BufferedImage maskImage(boolean[] mask, int width) {
    BufferedImage image =
        new BufferedImage(width, mask.length / width, BufferedImage.TYPE_BYTE_GRAY);
    byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    for (int i = 0; i < mask.length; i++) {
      data[i] = mask[i] ? (byte) 255 : 0;
    }
    return image;
  }

  /** Moves the finished masks into {@code target}: the whole folder when it is new. */
  private static void publish(Path partial, Path target) throws IOException {
    if (!Files.exists(target)) {
      try {
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        return;
      } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
        Files.createDirectories(target);
      }
    }
    try (Stream<Path> files = Files.list(partial)) {
      for (Path file : files.toList()) {
        Files.move(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  private static void deleteIfLeft(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }

  /** Each rater's name: its folder's name, or the path as given where two folders share one. */
  static List<String> raterNames(List<Path> raterDirs) {
    Map<String, Integer> uses = new HashMap<>();
    for (Path dir : raterDirs) {
      uses.merge(folderName(dir), 1, Integer::sum);
    }
    return raterDirs.stream()
        .map(dir -> uses.get(folderName(dir)) == 1 ? folderName(dir) : dir.normalize().toString())
        .toList();
  }

  private static String folderName(Path dir) {
    Path name = dir.toAbsolutePath().normalize().getFileName();
    return name == null ? dir.toString() : name.toString();
  }

  /** The consensus mask's file name for a frame's base name. */
  static String outputName(String frame) {
    return frame + ".png";
  }

  private static Path realPath(Path dir) {
    try {
      return dir.toRealPath();
    } catch (IOException e) {
      return dir.toAbsolutePath().normalize();
    }
  }

  private static void throwIfAny(List<String> problems) throws ConsensusInputException {
    if (!problems.isEmpty()) {
      throw new ConsensusInputException(problems);
    }
  }
}
