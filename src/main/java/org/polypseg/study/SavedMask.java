package org.polypseg.study;

import java.time.Instant;

/**
 * An annotator's mask of a frame as kept.
 *
 * @param frameId the frame
 * @param annotator whose it is
 * @param mask the mask (empty with "no polyp")
 * @param noPolyp the annotator said there is no polyp in this frame
 * @param unsure the annotator flagged the frame as unsure
 * @param version 1 after the first save, one more with each save
 * @param saved when it was saved last (UTC)
 */
public record SavedMask(long frameId, String annotator, MaskImage mask, boolean noPolyp,
    boolean unsure, int version, Instant saved) {}
