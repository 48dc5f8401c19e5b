package org.polypseg.study;

/**
 * How far an annotator is.
 *
 * @param annotator user name
 * @param saved frames with a saved mask
 * @param noPolyp of those, marked "no polyp"
 * @param unsure of those, marked "unsure"
 * @param frames frames in the study
 */
public record Progress(String annotator, int saved, int noPolyp, int unsure, int frames) {}
