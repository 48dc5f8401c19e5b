package org.polypseg.study;

import org.polypseg.image.Redaction;

/**
 * A frame read from a folder or sampled from a clip, waiting for its owner to check the boxes that
 * blank its burned-in text; it enters the study only through {@link StudyService#addFrame}.
 *
 * @param label where it came from (the file's name, or the clip's with the frame's number and
 *     time), for the owner's eyes and for messages only: it is never stored
 * @param image the picture's bytes (the file's own, or a clip frame as PNG)
 * @param width width, pixels
 * @param height height, pixels
 * @param proposal the boxes proposed to blank its burned-in text (possibly none)
 */
public record FrameCandidate(String label, byte[] image, int width, int height,
    Redaction proposal) {}
