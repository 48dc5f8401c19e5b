package org.polypseg.video;

/** Hears a clip's analysis as it goes; called on the analysing thread. */
public interface AnalysisListener {

  /** A frame has been read and written (analysed or not). */
  default void frameDone(int framesDone) {}

  /** An analysed frame's result, in clip order. */
  default void analysed(AnalysedFrame frame) {}

  /** True to stop the analysis at the next frame. */
  default boolean cancelled() {
    return false;
  }
}
