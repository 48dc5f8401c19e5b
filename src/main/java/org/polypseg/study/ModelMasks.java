package org.polypseg.study;

import java.awt.image.BufferedImage;

/**
 * The model's mask of a frame: what annotators start from when the owner chooses so, and the
 * model's column in the agreement table. Backed by {@code segment/}'s SegmentationService in the
 * app (see {@link StudyConfiguration}); absent (null) where no model is loaded.
 */
@FunctionalInterface
public interface ModelMasks {

  /** The mask at the image's size, true = polyp. */
  MaskImage mask(BufferedImage image);
}
