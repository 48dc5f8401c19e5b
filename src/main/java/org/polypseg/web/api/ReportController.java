package org.polypseg.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.polypseg.image.Redaction;
import org.polypseg.report.ReportException;
import org.polypseg.report.ReportFormat;
import org.polypseg.report.ReportItem;
import org.polypseg.report.ReportRequest;
import org.polypseg.report.ReportService;
import org.polypseg.segment.PolypSegProperties;
import org.polypseg.web.SegmentationJobs;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Reports over HTTP: the same fields as {@code /api/segmentations}, with several {@code image}
 * parts allowed; the answer is the PDF or Word document. In a request with several images, an
 * image that cannot be read or segmented is listed in the report as not analysed (with the
 * reason) and the others are reported; when none can be, the answer is a 400. Stateless: nothing
 * is kept afterwards.
 */
@RestController
@RequestMapping("/api/reports")
@Tag(name = "Reports", description = "Word and PDF reports on segmented images")
public class ReportController {

  private final SegmentationJobs jobs;
  private final ReportService reports;
  private final int maxFiles;

  public ReportController(SegmentationJobs jobs, ReportService reports,
      PolypSegProperties properties) {
    this.jobs = jobs;
    this.reports = reports;
    this.maxFiles = properties.maxFiles();
  }

  @Operation(
      summary = "Report on one or several images",
      description = "Segments every image and returns a report: with one image a one-image "
          + "report, with several a batch report (one section per image, a summary table with "
          + "mean ± sd and charts). Masks are matched to images by base name (with a single "
          + "image, a single mask belongs to it whatever its name). In a batch, an image that "
          + "cannot be read or segmented is listed in the report as not analysed, with the "
          + "reason. The report is dated in timeZone (default: the server's).")
  @ApiResponse(responseCode = "200", description = "The report",
      content = {@Content(mediaType = "application/pdf"),
          @Content(mediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document")})
  @ApiResponse(responseCode = "400", description = "An unreadable image, a mask of another size "
      + "or without an image, an unknown format, a bad threshold or case label",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
          schema = @Schema(implementation = ProblemDetail.class)))
  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<byte[]> report(
      @Parameter(description = "pdf or docx") @RequestParam(name = "format", defaultValue = "pdf")
          String format,
      @Parameter(description = "One or more images: PNG, JPEG, TIFF or BMP")
          @RequestPart("image") List<MultipartFile> images,
      @Parameter(description = "Optional ground-truth masks, white = polyp, each its image's size")
          @RequestPart(name = "mask", required = false) List<MultipartFile> masks,
      @Parameter(description = "Threshold in 0..1; a pixel is polyp when its probability is >= it")
          @RequestParam(name = "threshold", defaultValue = "0.5") double threshold,
      @Parameter(description = "Optional case label printed on the report (no patient data)")
          @RequestParam(name = "case", required = false) String caseLabel,
      @Parameter(description = "Optional boxes to blank black in every picture of every image "
          + "(burned-in patient text): x,y,w,h in pixels, boxes separated by ';', e.g. "
          + "0,76,200,306;0,370,206,176. Each must lie inside each image; the figures are "
          + "those of the whole image.")
          @RequestParam(name = "redact", required = false) String redact,
      @Parameter(description = "Optional IANA time zone the report is dated in, e.g. "
          + "Europe/Berlin; default: the server's")
          @RequestParam(name = "timeZone", required = false) String timeZone)
      throws IOException {
    ReportFormat reportFormat = parseFormat(format);
    ZoneId zone = parseZone(timeZone);
    UploadChecks.threshold(threshold);
    String label = checkedLabel(caseLabel);
    Redaction redaction = parseRedaction(redact);
    // Queued at once: segmentation runs while the rest of the request is checked.
    QueuedImages queued = QueuedImages.of(images, masks, maxFiles, jobs,
        org.polypseg.web.audit.Actor.current().key());
    List<ReportItem> items = new ArrayList<>();
    List<ReportRequest.Failure> failures = new ArrayList<>();
    BadUploadException firstFailure = null;
    for (int i = 0; i < queued.names().size(); i++) {
      String name = queued.names().get(i);
      SegmentationJobs.Segmented segmented;
      try {
        // A busy server stays a 503 for the whole request: nothing about the file is wrong.
        segmented = UploadChecks.segmented(queued.outcomes().get(i).join());
      } catch (BadUploadException e) {
        firstFailure = firstFailure == null ? e : firstFailure;
        failures.add(new ReportRequest.Failure(name, withoutName(e.getMessage(), name)));
        continue;
      }
      boolean[] truth = queued.masks().truthFor(i, name, segmented.segmentation(), jobs.limits());
      try {
        redaction.checkedFor(segmented.image().getWidth(), segmented.image().getHeight());
      } catch (IllegalArgumentException e) {
        throw new BadUploadException("Redaction box outside the image", name + ": "
            + e.getMessage());
      }
      items.add(new ReportItem(name, segmented.image(), segmented.segmentation(), threshold, truth,
          redaction));
    }
    if (items.isEmpty() || images.size() == 1 && firstFailure != null) {
      throw firstFailure;
    }
    ReportRequest request = ReportRequest.of(label, items, zone, failures);
    byte[] document;
    try {
      document = reports.render(request, reportFormat);
    } catch (ReportException e) {
      throw new ReportUnavailableException(e.getMessage());
    }
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(reportFormat.mediaType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(ReportService.fileName(request, reportFormat)).build().toString())
        .body(document);
  }

  private static ReportFormat parseFormat(String format) {
    try {
      return ReportFormat.parse(format);
    } catch (IllegalArgumentException e) {
      throw new BadUploadException("Unknown report format", e.getMessage());
    }
  }

  private static Redaction parseRedaction(String redact) {
    try {
      return Redaction.parse(redact);
    } catch (IllegalArgumentException e) {
      throw new BadUploadException("Unusable redaction", "redact: " + e.getMessage());
    }
  }

  private static ZoneId parseZone(String timeZone) {
    if (timeZone == null || timeZone.isBlank()) {
      return ZoneId.systemDefault();
    }
    try {
      return ZoneId.of(timeZone.strip());
    } catch (DateTimeException e) {
      throw new BadUploadException("Unknown time zone", "timeZone '" + timeZone
          + "' is not a time zone; use an IANA name such as Europe/Berlin, or UTC");
    }
  }

  /** A failure's message without the file name it starts with (the report names the file). */
  private static String withoutName(String message, String name) {
    String prefix = name + ": ";
    return message != null && message.startsWith(prefix) ? message.substring(prefix.length())
        : message;
  }

  private static String checkedLabel(String caseLabel) {
    try {
      return ReportRequest.checkCaseLabel(caseLabel);
    } catch (IllegalArgumentException e) {
      throw new BadUploadException("Unusable case label", e.getMessage());
    }
  }
}
