package org.polypseg.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Where on the server an owner may read frames and clips from: under the folders of
 * {@code polypseg.studies.server-folders}. When none is set, anywhere the server can read if the
 * server serves this machine only (its user can read those files anyway), and nowhere if other
 * machines reach it: there a study owner must not be able to read every picture the server
 * process can. Paths are compared after links are resolved, so a link inside an allowed folder
 * cannot lead out of it.
 */
final class ServerFolders {

  private final List<Path> roots;
  private final String setting;
  private final boolean anyWhenUnset;

  /**
   * @param roots allowed folders
   * @param thisMachineOnly whether the server serves only this machine (then no folders set means
   *     any folder; otherwise it means none)
   */
  ServerFolders(List<String> roots, boolean thisMachineOnly) {
    this.roots = roots.stream().map(r -> Path.of(r.strip()).toAbsolutePath().normalize())
        .toList();
    this.setting = String.join(", ", roots);
    this.anyWhenUnset = thisMachineOnly;
  }

  /** An existing folder the owner named, resolved. */
  Path folder(String text) {
    Path path = existing(text, "a folder");
    if (!Files.isDirectory(path)) {
      throw new StudyInputException(path + ": a file, not a folder"
          + (FrameImport.isClipName(path) ? " (a clip is sampled with \"From a clip\")" : ""));
    }
    return path;
  }

  /** An existing file the owner named, resolved. */
  Path file(String text) {
    Path path = existing(text, "a file");
    if (!Files.isRegularFile(path)) {
      throw new StudyInputException(path + ": a folder, not a file");
    }
    return path;
  }

  /** Whether {@code path} (a folder's entry, say) is one this server may read. */
  boolean allows(Path path) {
    try {
      return allowsReal(path.toRealPath());
    } catch (IOException e) {
      return false;
    }
  }

  private Path existing(String text, String what) {
    if (roots.isEmpty() && !anyWhenUnset) {
      throw new StudyInputException("this server serves other machines, so it reads frames from"
          + " its own folders only where polypseg.studies.server-folders allows, and that is not"
          + " set; upload the frames, or ask the server's administrator to set it");
    }
    if (text == null || text.isBlank()) {
      throw new StudyInputException("name " + what + " on the server by its path");
    }
    Path path;
    try {
      path = Path.of(text.strip()).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw new StudyInputException("'" + text.strip() + "' is not a path (" + e.getReason()
          + ")");
    }
    Path real;
    try {
      real = path.toRealPath();
    } catch (NoSuchFileException e) {
      throw new StudyInputException(path + ": not found on the server");
    } catch (IOException e) {
      throw new StudyInputException(path + ": cannot be read (" + e.getMessage() + ")");
    }
    if (!allowsReal(real)) {
      throw new StudyInputException(path + ": outside the folders this server reads frames from"
          + " (polypseg.studies.server-folders: " + setting + ")");
    }
    return real;
  }

  private boolean allowsReal(Path real) {
    if (roots.isEmpty()) {
      return anyWhenUnset;
    }
    for (Path root : roots) {
      Path base;
      try {
        base = root.toRealPath();
      } catch (IOException e) {
        continue; // A root that is not there allows nothing.
      }
      if (real.startsWith(base)) {
        return true;
      }
    }
    return false;
  }
}
