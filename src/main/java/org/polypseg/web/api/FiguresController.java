package org.polypseg.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.polypseg.segment.FiguresExport;
import org.polypseg.segment.ImageFigures;
import org.polypseg.segment.SegmentationService;
import org.polypseg.segment.PolypSegProperties;
import org.polypseg.web.SegmentationJobs;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The per-image figures of several images as data, CSV or JSON ({@link FiguresExport}): one row
 * per image in the request's order. Stateless, like the rest of the API.
 */
@RestController
@RequestMapping("/api/segmentations/figures")
@Tag(name = "Segmentation", description = "Segment polyps in colonoscopy images")
public class FiguresController {

  private final SegmentationJobs jobs;
  private final int maxFiles;

  public FiguresController(SegmentationJobs jobs, PolypSegProperties properties) {
    this.jobs = jobs;
    this.maxFiles = properties.maxFiles();
  }

  @Operation(
      summary = "Figures of several images as CSV or JSON",
      description = "Segments every image and answers one row per image, in the request's "
          + "order: name, width, height, threshold, areaPx, areaPercent (0..100), regions, dice "
          + "and iou (with a mask; empty or null without), corrected (always false here: masks "
          + "are not corrected by hand on the API) and error. An image that cannot be used (an "
          + "unreadable file, or its mask unreadable, of another size or not a mask) is a row "
          + "with its name and error, the others are answered. Masks are paired with images by "
          + "base name (cju1.png with cju1.jpg; one image and one mask belong together). CSV "
          + "(RFC 4180, header row, '.' as the decimal mark) or JSON, chosen by format, else by "
          + "the Accept header (text/csv or application/json), else JSON.")
  @ApiResponse(responseCode = "200", description = "One row per image",
      content = {
          @Content(mediaType = FiguresExport.CSV_MEDIA_TYPE,
              schema = @Schema(type = "string", example = "name,width,height,threshold,areaPx,"
                  + "areaPercent,regions,dice,iou,corrected,error\r\n"
                  + "cju1.jpg,622,529,0.5000,38112,11.5829,1,0.912345,0.838771,false,\r\n")),
          @Content(mediaType = FiguresExport.JSON_MEDIA_TYPE,
              array = @ArraySchema(schema = @Schema(implementation = ImageFigures.class)))})
  @ApiResponse(responseCode = "400", description = "An unknown format, a bad threshold, too many "
      + "images, a mask without an image or two masks for one image",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
          schema = @Schema(implementation = ProblemDetail.class)))
  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<String> figures(
      @Parameter(description = "One or more images: PNG, JPEG, TIFF or BMP")
          @RequestPart("images") List<MultipartFile> images,
      @Parameter(description = "Optional ground-truth masks (white = polyp, each its image's "
          + "size), paired with the images by base name")
          @RequestPart(name = "masks", required = false) List<MultipartFile> masks,
      @Parameter(description = "Threshold in 0..1; a pixel is polyp when its probability is >= it")
          @RequestParam(name = "threshold", defaultValue = "0.5") double threshold,
      @Parameter(description = "csv or json; without it the Accept header decides (JSON when "
          + "it names neither)")
          @RequestParam(name = "format", required = false) String format,
      @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false)
          String accept)
      throws IOException {
    boolean csv = wantsCsv(format, accept);
    UploadChecks.threshold(threshold);
    QueuedImages queued = QueuedImages.of(images, masks, maxFiles, jobs,
        org.polypseg.web.audit.Actor.current().key());
    List<ImageFigures> rows = new ArrayList<>();
    for (int i = 0; i < queued.names().size(); i++) {
      rows.add(row(i, queued.names().get(i), queued.outcomes().get(i).join(), queued.masks(),
          threshold));
    }
    String body = csv ? FiguresExport.csv(rows) : FiguresExport.json(rows);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(
            (csv ? FiguresExport.CSV_MEDIA_TYPE : FiguresExport.JSON_MEDIA_TYPE)
                + ";charset=UTF-8"))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
            .filename("figures." + (csv ? "csv" : "json")).build().toString())
        .body(body);
  }

  private ImageFigures row(int index, String name, SegmentationJobs.Outcome outcome,
      MaskMatcher matcher, double threshold) throws IOException {
    return switch (outcome) {
      case SegmentationJobs.Rejected(String message) -> ImageFigures.failed(name, message);
      case SegmentationJobs.Busy(String message, java.time.Duration retryAfter) ->
          throw new ServerBusyException(message, retryAfter);
      case SegmentationJobs.OverLimit(String message, java.time.Duration retryAfter) ->
          throw new OverQueueLimitException(message, retryAfter);
      case SegmentationJobs.Segmented s -> {
        boolean[] truth;
        try {
          truth = matcher.truthFor(index, name, s.segmentation(), jobs.limits());
        } catch (BadUploadException e) {
          yield ImageFigures.failed(name, e.getMessage());
        }
        // Corrected by hand is a thing of the page; the API's masks are the model's.
        yield ImageFigures.of(name, s.segmentation().width(), s.segmentation().height(),
            SegmentationService.analyze(s.segmentation(), threshold, truth), false);
      }
    };
  }

  /** CSV when {@code format} says csv, or, without it, when Accept names text/csv. */
  static boolean wantsCsv(String format, String accept) {
    if (format != null && !format.isBlank()) {
      return switch (format.strip().toLowerCase(Locale.ROOT)) {
        case "csv" -> true;
        case "json" -> false;
        default -> throw new BadUploadException("Unknown figures format",
            "format must be csv or json, was " + format);
      };
    }
    if (accept == null) {
      return false;
    }
    // The first of the two the client names wins; "*/*" alone means JSON.
    List<MediaType> types;
    try {
      types = MediaType.parseMediaTypes(accept);
    } catch (org.springframework.http.InvalidMediaTypeException e) {
      return false;
    }
    for (MediaType type : types) {
      if (type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType()) {
        return false;
      }
      if (type.getType().equals("text") && type.getSubtype().equals("csv")) {
        return true;
      }
    }
    return false;
  }
}
