package org.polypseg.segment;

/**
 * The model's answer for one image: a probability per pixel at the image's original size.
 *
 * @param width image width, pixels
 * @param height image height, pixels
 * @param probabilities row-major polyp probabilities in [0, 1], width x height
 * @param inferenceMs wall time of the network's forward pass for this image, milliseconds: not
 *     the resizing around it, nor any time the image waited in a queue
 * @param model the model that produced it
 */
public record Segmentation(
    int width, int height, float[] probabilities, double inferenceMs, ModelSummary model) {}
