package org.polypseg.segment;

import java.awt.image.BufferedImage;
import java.util.List;
import org.polypseg.model.ImageTensors;
import org.polypseg.model.LoadedModel;
import org.polypseg.model.ModelSpec;
import org.polypseg.quantum.QuantumCircuitBlock;

/**
 * Image in, probability map + regions + metrics out. Resizes the image to the model's input size,
 * runs the network and resizes the probabilities back to the image's own size.
 * Thread-safe; holds no per-request state.
 */
public final class SegmentationService {

  private final LoadedModel model;
  private final ModelSummary summary;

  public SegmentationService(LoadedModel model) {
    this.model = model;
    ModelSpec spec = model.info().architecture();
    QuantumCircuitBlock circuit = model.network().circuit();
    this.summary = new ModelSummary(model.info().name(), model.sha256(),
        circuit == null ? "none" : circuit.inferenceBackend().name(),
        circuit == null ? 0 : spec.qubits(), circuit == null ? 0 : spec.layers(), spec.inputSize(),
        model.network().circuits().size());
  }

  public ModelSummary model() {
    return summary;
  }

  /**
   * Segments one RGB image (any size). The segmentation's {@code inferenceMs} is the network's
   * forward pass alone (flip averaging included): not the resizing around it, and never time the
   * image spent waiting for a worker, so that a batch's figures are comparable with one image's.
   */
  public Segmentation segment(BufferedImage image) {
    return segmentBatch(List.of(image), List.of(input(image))).getFirst();
  }

  /**
   * The network's input for {@code image}: resized to the model's input side and normalised,
   * laid out as (3, S, S). Made before the image's turn, off the thread that runs the network.
   */
  public float[] input(BufferedImage image) {
    return ImageTensors.toInput(image, model.inputSize(),
        model.info().architecture().normalisation());
  }

  /**
   * Segments several images in one run of the network (a batch), each from its {@link #input}.
   * Each segmentation's {@code inferenceMs} is its share of the batch's forward pass (the pass
   * divided by the images), so that it compares with one image's.
   *
   * @param images the images, any sizes
   * @param inputs {@link #input} of each, in the same order
   * @return the segmentations, in the same order
   */
  public List<Segmentation> segmentBatch(List<BufferedImage> images, List<float[]> inputs) {
    int n = images.size();
    if (inputs.size() != n || n == 0) {
      throw new IllegalArgumentException(n + " images and " + inputs.size() + " inputs");
    }
    int size = model.inputSize();
    int each = 3 * size * size;
    float[] batch = n == 1 ? inputs.getFirst() : new float[n * each];
    if (n > 1) {
      for (int i = 0; i < n; i++) {
        System.arraycopy(inputs.get(i), 0, batch, i * each, each);
      }
    }
    long start = System.nanoTime();
    float[] maps = model.predictBatch(batch, n);
    double ms = (System.nanoTime() - start) / 1e6 / n;
    List<Segmentation> out = new java.util.ArrayList<>(n);
    int plane = size * size;
    for (int i = 0; i < n; i++) {
      BufferedImage image = images.get(i);
      float[] small = n == 1 ? maps : java.util.Arrays.copyOfRange(maps, i * plane, (i + 1) * plane);
      float[] full = model.atImageSize(image, small);
      out.add(new Segmentation(image.getWidth(), image.getHeight(), full, ms, summary));
    }
    return out;
  }

  /**
   * Reads a segmentation at a threshold.
   *
   * @param truth ground-truth mask (true = polyp) at the image's size, or null
   * @throws IllegalArgumentException when the truth mask's size differs from the image's
   */
  public static ThresholdAnalysis analyze(Segmentation s, double threshold, boolean[] truth) {
    return analyze(s, threshold, null, truth);
  }

  /**
   * Reads a segmentation at a threshold, with the hand corrections {@code edits} (or null for
   * none) over the thresholded mask.
   *
   * @param truth ground-truth mask (true = polyp) at the image's size, or null
   * @throws IllegalArgumentException when the truth mask's or the corrections' size differs from
   *     the image's
   */
  public static ThresholdAnalysis analyze(
      Segmentation s, double threshold, MaskEdits edits, boolean[] truth) {
    float[] p = s.probabilities();
    if (truth != null && truth.length != p.length) {
      throw new IllegalArgumentException("the mask's size differs from the image's");
    }
    boolean[] mask = SegmentationImages.mask(s, threshold, edits);
    long area = 0;
    long tp = 0;
    long actual = 0;
    for (int i = 0; i < p.length; i++) {
      boolean positive = mask[i];
      if (positive) {
        area++;
      }
      if (truth != null && truth[i]) {
        actual++;
        if (positive) {
          tp++;
        }
      }
    }
    List<Region> regions = RegionFinder.find(p, mask, s.width(), s.height());
    Double dice = null;
    Double iou = null;
    if (truth != null) {
      // Same convention as the evaluation protocol: 0 when no pixel is both predicted and true.
      dice = tp == 0 ? 0.0 : 2.0 * tp / (area + actual);
      iou = tp == 0 ? 0.0 : (double) tp / (area + actual - tp);
    }
    return new ThresholdAnalysis(threshold, area, (double) area / p.length, regions, dice, iou);
  }
}
