package org.polypseg.web;

import java.awt.image.BufferedImage;
import org.polypseg.segment.Segmentation;

/** The model as the web layer sees it: an RGB image in, a segmentation out. */
@FunctionalInterface
public interface Segmenter {
  Segmentation segment(BufferedImage image);
}
