package org.polypseg.study;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.polypseg.image.BurnedInText;
import org.polypseg.image.ImageLimits;
import org.polypseg.image.ImageReadException;
import org.polypseg.image.Images;
import org.polypseg.video.ClipReader;
import org.polypseg.video.ClipSampling;
import org.polypseg.video.DecodedFrame;
import org.polypseg.video.VideoLimits;
import org.polypseg.video.VideoReadException;

/**
 * Frames for a study from elsewhere than an upload: the images of a folder on the server, or
 * frames sampled from a clip (uploaded, or a file on the server). Nothing enters the study here:
 * each frame comes back as a {@link FrameCandidate} with the boxes proposed to blank its
 * burned-in text, and enters only through {@link StudyService#addFrame} once the owner has checked
 * them, as an uploaded frame does; so the same redaction and privacy rules hold (names are for the
 * owner's eyes, never stored). Owner only; each read is in the audit log. Thread-safe.
 */
public final class FrameImport {

  /** Frames one read of a folder or one sampling of a clip offers at most. */
  public static final int MAX_FRAMES_PER_ADD = 50;

  /** The image files read from a folder, by extension (as uploads and data folders take). */
  static final List<String> IMAGE_EXTENSIONS = List.of("png", "jpg", "jpeg", "tif", "tiff", "bmp");

  private static final List<String> CLIP_EXTENSIONS =
      List.of("mp4", "m4v", "webm", "avi", "mov", "mkv");

  private final StudyService studies;
  private final ServerFolders folders;
  private final VideoLimits clipLimits;

  /**
   * @param serverFolders the folders owners may read from (and below them); empty: any the server
   *     can read when {@code thisMachineOnly}, else none
   * @param thisMachineOnly whether the server listens on a loopback address only
   */
  public FrameImport(StudyService studies, List<String> serverFolders, boolean thisMachineOnly,
      VideoLimits clipLimits) {
    this.studies = studies;
    this.folders = new ServerFolders(serverFolders, thisMachineOnly);
    this.clipLimits = clipLimits;
  }

  /** The limits a clip is held to (its size, length, frame count and frame size). */
  public VideoLimits clipLimits() {
    return clipLimits;
  }

  /**
   * The images of a folder on the server (not its subfolders), in name order, each read within
   * the upload limits ({@link ImageLimits#DEFAULT}). A file that cannot be used is skipped and
   * named with the reason; the others are kept.
   *
   * @throws StudyInputException no such folder, one outside the allowed folders, one holding more
   *     than {@link #MAX_FRAMES_PER_ADD} images, or none that can be read
   */
  public FrameBatch fromFolder(String user, long studyId, String folder) {
    return studies.asOwner(user, studyId, "frames-from-folder", () -> {
      Path dir = folders.folder(folder);
      List<Path> images = new ArrayList<>();
      List<String> skipped = new ArrayList<>();
      for (Path file : list(dir)) {
        String name = file.getFileName().toString();
        if (name.startsWith(".") || Files.isDirectory(file)) {
          continue;
        }
        if (isImageName(file)) {
          images.add(file);
        } else {
          skipped.add(name + ": not an image (" + Images.SUPPORTED + " are read)"
              + (isClipName(file) ? "; a clip is sampled with \"From a clip\"" : ""));
        }
      }
      if (images.size() > MAX_FRAMES_PER_ADD) {
        throw new StudyInputException(String.format(Locale.ROOT, "%s: %d images, more than the "
            + "%d one add takes; split them into folders of at most %d", dir, images.size(),
            MAX_FRAMES_PER_ADD, MAX_FRAMES_PER_ADD));
      }
      List<FrameCandidate> frames = new ArrayList<>();
      for (Path file : images) {
        try {
          frames.add(readImage(file));
        } catch (ImageReadException e) {
          skipped.add(e.getMessage());
        }
      }
      if (frames.isEmpty()) {
        throw new StudyInputException(dir + ": no image that can be read"
            + (skipped.isEmpty() ? " (" + Images.SUPPORTED + " are read)"
                : ": " + String.join("; ", skipped)));
      }
      return new FrameBatch(dir.toString(), frames, skipped);
    });
  }

  /** Frames sampled from an uploaded clip; see {@link #fromClipFile}. */
  public FrameBatch fromClip(String user, long studyId, byte[] clip, String name,
      ClipSampling sampling) {
    return studies.asOwner(user, studyId, "frames-from-clip", () -> {
      checkCount(name, sampling);
      try (ClipReader reader = ClipReader.open(clip, name, clipLimits)) {
        return sample(reader, sampling);
      } catch (VideoReadException e) {
        throw new StudyInputException(e.getMessage());
      }
    });
  }

  /**
   * Frames sampled from a clip, decoded one at a time within {@link #clipLimits()}: evenly spaced
   * or every n-th (see {@link ClipSampling}), at most {@link #MAX_FRAMES_PER_ADD}. Where the clip
   * turns out shorter or damaged part-way, the frames before are kept and the rest is said.
   *
   * @throws StudyInputException no such file, one outside the allowed folders, not a readable
   *     clip, or a sampling that gives no frame or more than {@link #MAX_FRAMES_PER_ADD}
   */
  public FrameBatch fromClipFile(String user, long studyId, String path,
      ClipSampling sampling) {
    return studies.asOwner(user, studyId, "frames-from-clip", () -> {
      Path file = folders.file(path);
      checkCount(file.toString(), sampling);
      try (ClipReader reader = ClipReader.open(file, clipLimits)) {
        return sample(reader, sampling);
      } catch (VideoReadException e) {
        throw new StudyInputException(e.getMessage());
      }
    });
  }

  /** Refuses, before any decoding, more evenly spaced frames than one add takes. */
  private static void checkCount(String name, ClipSampling sampling) {
    if (sampling.mode() == ClipSampling.Mode.EVENLY && sampling.value() > MAX_FRAMES_PER_ADD) {
      throw new StudyInputException(String.format(Locale.ROOT, "%s: %d frames asked for; one add"
          + " takes 1 to %d", name, sampling.value(), MAX_FRAMES_PER_ADD));
    }
  }

  private FrameBatch sample(ClipReader reader, ClipSampling sampling) throws VideoReadException {
    String name = reader.name();
    long total = ClipSampling.frameCount(reader);
    if (total == 0) {
      throw new StudyInputException(name + ": the clip has no frames");
    }
    long count = sampling.count(total);
    if (count > MAX_FRAMES_PER_ADD) {
      throw new StudyInputException(String.format(Locale.ROOT, "%s: %s of its %,d frames gives "
          + "%,d frames, more than the %d one add takes; take %s (or a larger step), or frames "
          + "evenly spaced", name, sampling.describe(), total, count, MAX_FRAMES_PER_ADD,
          ClipSampling.every((int) minimumStep(total)).describe()));
    }
    List<Integer> indices;
    try {
      indices = sampling.indices(total);
    } catch (IllegalArgumentException e) {
      throw new StudyInputException(name + ": " + e.getMessage());
    }
    List<FrameCandidate> frames = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    try {
      ClipSampling.read(reader, indices, frame -> frames.add(clipFrame(name, frame, total)));
    } catch (VideoReadException e) {
      if (frames.isEmpty()) {
        throw e;
      }
      // Frames read before the damage are good: keep them, and say where reading stopped.
      skipped.add(e.getMessage());
    }
    if (frames.isEmpty()) {
      throw new StudyInputException(name + ": no frame could be decoded");
    }
    if (frames.size() < indices.size() && skipped.isEmpty()) {
      skipped.add(String.format(Locale.ROOT, "%s: the clip ends before the %,d frames its header "
          + "announced; %d of %d frames sampled", name, total, frames.size(), indices.size()));
    }
    return new FrameBatch(name + ", " + sampling.describe(), frames, skipped);
  }

  private static long minimumStep(long total) {
    return (total + MAX_FRAMES_PER_ADD - 1) / MAX_FRAMES_PER_ADD;
  }

  private static FrameCandidate clipFrame(String clip, DecodedFrame frame, long total) {
    BufferedImage image = frame.image();
    String label = String.format(Locale.ROOT, "%s · frame %,d of %,d · %.2f s", clip,
        frame.index() + 1, total, frame.timeSeconds());
    return new FrameCandidate(label, Pictures.png(image), image.getWidth(), image.getHeight(),
        BurnedInText.propose(image));
  }

  private FrameCandidate readImage(Path file) throws ImageReadException {
    String name = file.getFileName().toString();
    if (!folders.allows(file)) {
      throw new ImageReadException(name + ": a link to outside the folders this server reads "
          + "frames from");
    }
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > ImageLimits.DEFAULT.maxBytes()) {
        throw new ImageReadException(ImageLimits.DEFAULT.tooLarge(name, size) + "; supported: "
            + Images.SUPPORTED);
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ImageReadException(name + ": cannot be read (" + e.getMessage() + ")", e);
    }
    BufferedImage image = Images.readRgb(bytes, name);
    return new FrameCandidate(name, bytes, image.getWidth(), image.getHeight(),
        BurnedInText.propose(image));
  }

  private static List<Path> list(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.sorted().toList();
    } catch (IOException e) {
      throw new StudyInputException(dir + ": cannot be listed (" + e.getMessage() + ")");
    }
  }

  static boolean isImageName(Path file) {
    return IMAGE_EXTENSIONS.contains(extension(file));
  }

  static boolean isClipName(Path file) {
    return CLIP_EXTENSIONS.contains(extension(file));
  }

  private static String extension(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
