package org.polypseg.study;

/**
 * A frame of a study, known only by its study-local number (its original file name is never
 * kept).
 *
 * @param id the frame's number in the database (used in the API's paths)
 * @param seq its number within the study, from 1
 * @param width pixels
 * @param height pixels
 * @param hasModelMask whether the model's mask was stored with it
 */
public record StudyFrame(long id, int seq, int width, int height, boolean hasModelMask) {

  /** Its name in exports and lists: {@code frame-0001}. */
  public String name() {
    return name(seq);
  }

  static String name(int seq) {
    return String.format(java.util.Locale.ROOT, "frame-%04d", seq);
  }
}
