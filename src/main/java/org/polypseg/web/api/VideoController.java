package org.polypseg.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.polypseg.report.ClipReportRequest;
import org.polypseg.report.ReportException;
import org.polypseg.report.ReportFormat;
import org.polypseg.report.ReportService;
import org.polypseg.video.AnalysedFrame;
import org.polypseg.video.ClipReportMaker;
import org.polypseg.video.AnalysisSettings;
import org.polypseg.video.FramesCsv;
import org.polypseg.video.VideoFormat;
import org.polypseg.video.VideoJob;
import org.polypseg.video.VideoJobStatus;
import org.polypseg.video.VideoJobs;
import org.polypseg.video.VideoReadException;
import org.polypseg.web.UploadTag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Colonoscopy clips over HTTP: an upload starts an analysis that runs in the background on the
 * shared inference pool; its progress, per-frame figures, annotated video and report are read
 * from {@code /api/videos/{id}}. Jobs live in memory only and expire after
 * {@code polypseg.video.expire-after}.
 */
@RestController
@RequestMapping("/api/videos")
@Tag(name = "Videos", description = "Segment polyps in every frame of a colonoscopy clip")
public class VideoController {

  private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

  private final VideoJobs videos;
  private final ClipReportMaker reports;

  public VideoController(VideoJobs videos, ClipReportMaker reports) {
    this.videos = videos;
    this.reports = reports;
  }

  @Operation(summary = "Upload a clip",
      description = "Checks the clip (container, video stream, codec, limits) and queues its "
          + "analysis: every stride-th frame is segmented, every frame annotated. Answers at once "
          + "with the job; poll GET /api/videos/{id}. In: MP4 (H.264), WebM (VP8/VP9), AVI, MOV.")
  @ApiResponse(responseCode = "202", description = "Accepted; Location names the job")
  @ApiResponse(responseCode = "400", description = "Not a readable clip (truncated or damaged "
      + "container, audio only, a codec that cannot be decoded, no frames), a clip over the "
      + "duration, frame or resolution limit, or a bad stride or threshold; the detail names the "
      + "file and the reason", content = @Content(mediaType = PROBLEM,
          schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "503", description = "The server holds as many clips as it may",
      content = @Content(mediaType = PROBLEM,
          schema = @Schema(implementation = ProblemDetail.class)))
  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<VideoResponses.Accepted> upload(
      @Parameter(description = "The clip") @RequestPart("video") MultipartFile video,
      @Parameter(description = "Segment every stride-th frame (1 = every frame), 1.."
          + AnalysisSettings.MAX_STRIDE) @RequestParam(name = "stride", defaultValue = "1")
          int stride,
      @Parameter(description = "Threshold in 0..1 for the figures and the annotated video")
          @RequestParam(name = "threshold", defaultValue = "0.5") double threshold)
      throws IOException {
    AnalysisSettings settings;
    try {
      settings = new AnalysisSettings(stride, threshold);
    } catch (IllegalArgumentException e) {
      throw new BadUploadException("Bad analysis setting", e.getMessage());
    }
    String name = UploadChecks.nameOf(video, "video");
    if (video.getSize() > videos.limits().maxBytes()) {
      throw new UploadTooLargeException(videos.limits().tooLarge(name, video.getSize()));
    }
    VideoJob job;
    try {
      byte[] bytes = video.getBytes();
      job = videos.submit(name, UploadTag.of(bytes), bytes, settings);
    } catch (VideoReadException e) {
      if (e.overSizeLimit()) {
        throw new UploadTooLargeException(e.getMessage());
      }
      throw new BadUploadException("Unusable video", e.getMessage());
    } catch (VideoJobs.Full e) {
      throw new ServerBusyException(e.getMessage(), java.time.Duration.ofSeconds(30));
    }
    return ResponseEntity.accepted().location(URI.create("/api/videos/" + job.id()))
        .body(VideoResponses.Accepted.of(job.state()));
  }

  @Operation(summary = "A clip's progress",
      description = "status is queued, running, done, failed (with the reason) or cancelled.")
  @ApiResponse(responseCode = "200", description = "The job's state")
  @ApiResponse(responseCode = "404", description = "No such job (or it expired)",
      content = @Content(mediaType = PROBLEM,
          schema = @Schema(implementation = ProblemDetail.class)))
  @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  public VideoResponses.Status status(@PathVariable("id") String id) {
    return VideoResponses.Status.of(job(id).state());
  }

  @Operation(summary = "Per-frame figures",
      description = "One entry per analysed frame so far, in clip order (grows while it runs).")
  @ApiResponse(responseCode = "200", description = "The frames")
  @ApiResponse(responseCode = "404", description = "No such job",
      content = @Content(mediaType = PROBLEM,
          schema = @Schema(implementation = ProblemDetail.class)))
  @GetMapping(path = "/{id}/frames", produces = MediaType.APPLICATION_JSON_VALUE)
  public List<VideoResponses.Frame> frames(@PathVariable("id") String id) {
    return job(id).frames().stream().map(f -> VideoResponses.Frame.of(f.figures())).toList();
  }

  @Operation(summary = "Per-frame figures as CSV",
      description = "Columns index, timeSeconds, areaFraction, regions, maxProbability; a header "
          + "row, then one row per analysed frame.")
  @ApiResponse(responseCode = "200", description = "The CSV",
      content = @Content(mediaType = "text/csv"))
  @GetMapping(path = "/{id}/frames.csv", produces = "text/csv")
  public ResponseEntity<byte[]> framesCsv(@PathVariable("id") String id) {
    VideoJob job = job(id);
    String csv = FramesCsv.of(job.frames().stream().map(AnalysedFrame::figures).toList());
    return attachment(csv.getBytes(StandardCharsets.UTF_8), "text/csv; charset=utf-8",
        baseName(job) + "-frames.csv");
  }

  @Operation(summary = "The annotated clip",
      description = "WebM (VP8), every frame with the polyp tinted and outlined at the job's "
          + "threshold; frames between analysed ones carry the last analysed frame's overlay.")
  @ApiResponse(responseCode = "200", description = "The video",
      content = @Content(mediaType = "video/webm"))
  @ApiResponse(responseCode = "409", description = "The analysis has not finished",
      content = @Content(mediaType = PROBLEM,
          schema = @Schema(implementation = ProblemDetail.class)))
  @GetMapping(path = "/{id}/annotated", produces = "video/webm")
  public ResponseEntity<byte[]> annotated(@PathVariable("id") String id) {
    VideoJob job = finished(id);
    return attachment(job.annotated(), VideoFormat.WEBM.mediaType(),
        baseName(job) + "-annotated.webm");
  }

  @Operation(summary = "A report on the clip",
      description = "PDF or Word: duration, frames analysed, each detection stretch with its start "
          + "and end time and a key frame with its overlay, and the timeline chart.")
  @ApiResponse(responseCode = "200", description = "The report", content = {
      @Content(mediaType = "application/pdf"),
      @Content(mediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document")})
  @ApiResponse(responseCode = "400", description = "An unknown format",
      content = @Content(mediaType = PROBLEM,
          schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "409", description = "The analysis has not finished",
      content = @Content(mediaType = PROBLEM,
          schema = @Schema(implementation = ProblemDetail.class)))
  @GetMapping(path = "/{id}/report")
  public ResponseEntity<byte[]> report(@PathVariable("id") String id,
      @Parameter(description = "pdf or docx") @RequestParam(name = "format", defaultValue = "pdf")
          String format) {
    ReportFormat reportFormat;
    try {
      reportFormat = ReportFormat.parse(format);
    } catch (IllegalArgumentException e) {
      throw new BadUploadException("Unknown report format", e.getMessage());
    }
    VideoJob job = finished(id);
    ClipReportRequest request;
    try {
      request = reports.request(job.analysedClip());
    } catch (VideoReadException e) {
      throw new BadUploadException("Unusable video", e.getMessage());
    }
    byte[] document;
    try {
      document = reports.render(request, reportFormat);
    } catch (ReportException e) {
      throw new ReportUnavailableException(e.getMessage());
    }
    return attachment(document, reportFormat.mediaType(),
        ReportService.clipFileName(request, reportFormat));
  }

  @Operation(summary = "Cancel and forget a clip",
      description = "Stops its analysis if it runs and drops every result at once.")
  @ApiResponse(responseCode = "204", description = "Forgotten")
  @ApiResponse(responseCode = "404", description = "No such job",
      content = @Content(mediaType = PROBLEM,
          schema = @Schema(implementation = ProblemDetail.class)))
  @DeleteMapping("/{id}")
  public ResponseEntity<Void> delete(@PathVariable("id") String id) {
    if (!videos.delete(id)) {
      throw notFound(id);
    }
    return ResponseEntity.noContent().build();
  }

  private VideoJob job(String id) {
    return videos.find(id).orElseThrow(() -> notFound(id));
  }

  private VideoJob finished(String id) {
    VideoJob job = job(id);
    if (job.status() != VideoJobStatus.DONE) {
      throw new VideoNotReadyException(job.name() + switch (job.status()) {
        case QUEUED -> ": the analysis has not started yet; try again when it is done";
        case RUNNING -> ": the analysis is still running; try again when it is done";
        case FAILED -> ": the analysis failed: " + job.state().reason();
        default -> ": the analysis was cancelled";
      });
    }
    return job;
  }

  private static VideoJobNotFoundException notFound(String id) {
    return new VideoJobNotFoundException("no video job " + id + " (never made, deleted, or"
        + " expired)");
  }

  private static String baseName(VideoJob job) {
    String name = job.name().replaceAll("[^A-Za-z0-9._-]", "_");
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  private static ResponseEntity<byte[]> attachment(byte[] body, String mediaType,
      String fileName) {
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(mediaType))
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(fileName).build().toString())
        .body(body);
  }
}
