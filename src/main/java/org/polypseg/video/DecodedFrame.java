package org.polypseg.video;

import java.awt.image.BufferedImage;

/**
 * One decoded video frame.
 *
 * @param index position in the clip, from 0
 * @param timeSeconds presentation time from the clip's first frame, seconds
 * @param image the picture, RGB, owned by the caller (the reader does not reuse it)
 */
public record DecodedFrame(int index, double timeSeconds, BufferedImage image) {}
