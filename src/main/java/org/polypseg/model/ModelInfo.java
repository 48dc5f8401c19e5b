package org.polypseg.model;

import java.util.Map;

/**
 * The contents of {@code model.json}: the model's name, architecture and how it was trained.
 *
 * @param name a human-readable model name
 * @param architecture the network's shape, enough to rebuild it
 * @param training the training settings and outcome (epochs, seed, learning rate, data, times)
 * @param inference how the shipped figures were made at inference time (null: plain forward pass)
 */
public record ModelInfo(
    String name, ModelSpec architecture, Map<String, Object> training, Inference inference) {

  /**
   * Inference settings that belong to the model because its measured figures were made with them.
   *
   * @param flipAveraging average the probabilities of the image and of its mirror image
   *     (horizontal-flip test-time augmentation; twice the compute)
   * @param fieldOfView report nothing outside the endoscope's field of view (the black frame and
   *     what is drawn on it); null, as in model.json files written before it existed, means yes
   */
  public record Inference(boolean flipAveraging, Boolean fieldOfView) {}

  public ModelInfo(String name, ModelSpec architecture, Map<String, Object> training) {
    this(name, architecture, training, null);
  }

  /** Whether nothing is reported outside the field of view (yes unless model.json says no). */
  public boolean fieldOfView() {
    return inference == null || inference.fieldOfView() == null || inference.fieldOfView();
  }

  /** Whether the model's figures were made with flip averaging. */
  public boolean flipAveraging() {
    return inference != null && inference.flipAveraging();
  }
}
