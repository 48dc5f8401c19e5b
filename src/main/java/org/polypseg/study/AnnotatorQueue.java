package org.polypseg.study;

import java.util.List;

/**
 * An annotator's frames in study order with what they did on each, and where to go on.
 *
 * @param annotator whose queue
 * @param entries every frame of the study
 * @param next the first frame not yet saved (where to resume), or null when all are done
 */
public record AnnotatorQueue(String annotator, List<Entry> entries, Long next) {

  public AnnotatorQueue {
    entries = List.copyOf(entries);
  }

  /**
   * One frame.
   *
   * @param version 0 = not yet saved
   */
  public record Entry(StudyFrame frame, int version, boolean noPolyp, boolean unsure) {
    public boolean done() {
      return version > 0;
    }
  }

  /** Frames saved. */
  public int done() {
    return (int) entries.stream().filter(Entry::done).count();
  }
}
