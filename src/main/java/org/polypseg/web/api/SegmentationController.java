package org.polypseg.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import org.polypseg.segment.ModelSummary;
import org.polypseg.segment.Segmentation;
import org.polypseg.segment.SegmentationImages;
import org.polypseg.segment.SegmentationService;
import org.polypseg.segment.ThresholdAnalysis;
import org.polypseg.web.SegmentationJobs;
import org.polypseg.web.audit.Actor;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Stateless segmentation over HTTP: an image (and optionally its mask) in, figures and mask out. */
@RestController
@RequestMapping("/api/segmentations")
@Tag(name = "Segmentation", description = "Segment polyps in colonoscopy images")
public class SegmentationController {

  private final SegmentationJobs jobs;

  public SegmentationController(SegmentationJobs jobs) {
    this.jobs = jobs;
  }

  @Operation(
      summary = "Segment one image",
      description = "Runs the hybrid quantum-classical U-Net on the image and reads the probability "
          + "map at the threshold. With a ground-truth mask (white = polyp, same size as the "
          + "image) the answer also has Dice and IoU.")
  @ApiResponse(responseCode = "200", description = "Segmented")
  @ApiResponse(responseCode = "400", description = "Not a readable image (the detail names the "
      + "file, the reason and the supported formats), an image over the pixel limit, a mask of "
      + "another size, or a threshold outside 0..1",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
          schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "429", description = "This client already has its most images "
      + "waiting or being segmented (polypseg.inference.per-user-limit); try again after "
      + "Retry-After seconds",
      headers = @io.swagger.v3.oas.annotations.headers.Header(name = "Retry-After",
          description = "seconds to wait", schema = @Schema(type = "integer")),
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
          schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "503", description = "The server is busy (its inference queue is "
      + "full, or the image waited past the timeout); try again after Retry-After seconds",
      headers = @io.swagger.v3.oas.annotations.headers.Header(name = "Retry-After",
          description = "seconds to wait", schema = @Schema(type = "integer")),
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
          schema = @Schema(implementation = ProblemDetail.class)))
  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public SegmentationResponse segment(
      @Parameter(description = "The image: PNG, JPEG, TIFF or BMP") @RequestPart("image")
          MultipartFile image,
      @Parameter(description = "Optional ground-truth mask, white = polyp, the image's size")
          @RequestPart(name = "mask", required = false)
          MultipartFile mask,
      @Parameter(description = "Threshold in 0..1; a pixel is polyp when its probability is >= it")
          @RequestParam(name = "threshold", defaultValue = "0.5")
          double threshold)
      throws IOException {
    UploadChecks.threshold(threshold);
    String imageName = UploadChecks.nameOf(image, "image");
    UploadChecks.size(image, imageName, jobs.limits());
    BufferedImage maskImage = null;
    String maskName = null;
    if (mask != null) {
      maskName = UploadChecks.nameOf(mask, "mask");
      UploadChecks.size(mask, maskName, jobs.limits());
      // Read before queueing the image: a bad mask is refused without using the model.
      maskImage = UploadChecks.read(mask.getBytes(), maskName, jobs.limits());
    }
    Segmentation s =
        UploadChecks.segmented(jobs.submit(Actor.current().key(), imageName, image.getBytes()).join()).segmentation();
    boolean[] truth =
        maskImage == null ? null : UploadChecks.truth(maskImage, maskName, imageName, s);
    ThresholdAnalysis a = SegmentationService.analyze(s, threshold, truth);
    List<SegmentationResponse.RegionJson> regions = a.regions().stream()
        .map(r -> new SegmentationResponse.RegionJson(r.areaPx(),
            new int[] {r.x(), r.y(), r.width(), r.height()}, r.meanProbability()))
        .toList();
    ModelSummary m = s.model();
    String maskPng = Base64.getEncoder().encodeToString(
        SegmentationImages.png(SegmentationImages.maskImage(s, threshold)));
    return new SegmentationResponse(imageName, s.width(), s.height(), threshold, a.areaPx(),
        a.areaFraction(), regions, a.dice(), a.iou(), s.inferenceMs(),
        new SegmentationResponse.ModelJson(m.name(), m.sha256(), m.backend(), m.qubits(),
            m.layers(), m.inputSize()),
        maskPng);
  }
}
