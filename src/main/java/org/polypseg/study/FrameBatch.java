package org.polypseg.study;

import java.util.List;

/**
 * What one read of a folder or one sampling of a clip found.
 *
 * @param source what was read, in words (the folder, or the clip and how it was sampled)
 * @param frames the frames that can be added, in order
 * @param skipped what could not be used, each naming the file (or frame) and the reason
 */
public record FrameBatch(String source, List<FrameCandidate> frames, List<String> skipped) {

  public FrameBatch {
    frames = List.copyOf(frames);
    skipped = List.copyOf(skipped);
  }
}
