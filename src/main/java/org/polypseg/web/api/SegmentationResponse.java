package org.polypseg.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The answer of {@code POST /api/segmentations}.
 *
 * @param fileName the uploaded image's file name
 * @param width image width, pixels
 * @param height image height, pixels
 * @param threshold the threshold used, 0..1 (a pixel is polyp when its probability is &gt;= it)
 * @param areaPx polyp pixels
 * @param areaFraction areaPx / (width x height), 0..1
 * @param regions connected polyp regions (8-connectivity), largest first
 * @param dice Dice against the uploaded mask, 0..1; absent without a mask
 * @param iou IoU against the uploaded mask, 0..1; absent without a mask
 * @param inferenceMs wall time of the network's forward pass for this image, milliseconds (not
 *     the resizing around it, nor time spent waiting in the server's queue)
 * @param model the model that answered
 * @param maskPng the binary mask (255 = polyp) as a PNG at the image's size, base64
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SegmentationResponse(
    String fileName,
    int width,
    int height,
    double threshold,
    long areaPx,
    double areaFraction,
    List<RegionJson> regions,
    Double dice,
    Double iou,
    double inferenceMs,
    ModelJson model,
    @Schema(description = "Binary mask (255 = polyp) as a base64 PNG at the image's size",
        format = "byte")
    String maskPng) {

  /**
   * One connected polyp region.
   *
   * @param areaPx pixels in the region
   * @param bbox bounding box [x, y, width, height] in pixels, origin top left
   * @param meanProbability the model's mean probability over the region, 0..1
   */
  public record RegionJson(int areaPx, int[] bbox, double meanProbability) {}

  /**
   * The model that produced the answer.
   *
   * @param name model name
   * @param sha256 SHA-256 of the weights file, hex
   * @param backend quantum circuit simulator used ("strange", "statevector" or "none")
   * @param qubits circuit qubits
   * @param layers circuit layers
   * @param inputSize side of the square model input, pixels
   */
  public record ModelJson(
      String name, String sha256, String backend, int qubits, int layers, int inputSize) {}
}
