package org.polypseg.video;

/** Gives a clip's frame by index again, after its analysis (key frames, scrubbing). */
@FunctionalInterface
public interface FrameSource {
  /** The frame, or null when the clip has none at that index. */
  DecodedFrame frameAt(int index) throws VideoReadException;
}
