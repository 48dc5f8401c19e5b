package org.polypseg.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import org.polypseg.image.Images;
import org.polypseg.study.FrameBatch;
import org.polypseg.study.FrameCandidate;
import org.polypseg.study.FrameImport;
import org.polypseg.study.StudyInputException;
import org.polypseg.video.ClipSampling;
import org.polypseg.web.audit.Actor;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Frames for a study from a folder on the server or sampled from a clip, over HTTP, as the
 * study page's "From a folder" and "From a clip" read them. Nothing enters the study here: the
 * answer is the candidates, each with its proposed redaction boxes, for the owner (or the owner's
 * script) to check and add one by one through {@code POST /api/studies/{id}/frames} with
 * {@code redactionConfirmed=true}, the same privacy path as an upload. Which server folders may be
 * read is {@code polypseg.studies.server-folders}' ({@link FrameImport}).
 */
@RestController
@RequestMapping("/api/studies")
@Tag(name = "Studies")
public class StudyFrameImportController {

  private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

  private final FrameImport imports;

  public StudyFrameImportController(FrameImport imports) {
    this.imports = imports;
  }

  /** A folder on the server to read. */
  public record FolderRequest(String folder) {}

  /** A clip on the server and how to sample it: exactly one of count and every. */
  public record ClipFileRequest(String path, Integer count, Integer every) {}

  /**
   * One frame that may be added: where it came from (never stored), its size, the boxes proposed
   * to blank its burned-in text ({@code x,y,w,h;...}, possibly empty) and the picture itself.
   */
  public record Candidate(String label, int width, int height, String redact, String mediaType,
      String imageBase64) {

    static Candidate of(FrameCandidate c) {
      return new Candidate(c.label(), c.width(), c.height(), c.proposal().format(),
          Images.mediaType(c.image()).orElse(MediaType.APPLICATION_OCTET_STREAM_VALUE),
          Base64.getEncoder().encodeToString(c.image()));
    }
  }

  /** What one read found: the frames that can be added and, by file, what was skipped and why. */
  public record CandidateBatch(String source, List<Candidate> frames, List<String> skipped) {

    static CandidateBatch of(FrameBatch batch) {
      return new CandidateBatch(batch.source(),
          batch.frames().stream().map(Candidate::of).toList(), batch.skipped());
    }
  }

  @Operation(summary = "Frames from a folder on the server (owner)",
      description = "The images of the folder (not its subfolders), at most "
          + FrameImport.MAX_FRAMES_PER_ADD + ", each with its proposed redaction; a file that "
          + "cannot be used is listed in skipped with the reason. Nothing is added.")
  @ApiResponse(responseCode = "200", description = "The candidates")
  @ApiResponse(responseCode = "400", description = "No such folder, one the server may not read, "
      + "too many images, or none that can be read",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @PostMapping(path = "/{id}/frame-candidates/folder",
      consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  public CandidateBatch fromFolder(@PathVariable("id") long id,
      @RequestBody(required = false) FolderRequest body) {
    if (body == null || body.folder() == null || body.folder().isBlank()) {
      throw new StudyInputException("send the folder as JSON: {\"folder\": \"/path/on/the/server\"}");
    }
    return CandidateBatch.of(imports.fromFolder(user(), id, body.folder()));
  }

  @Operation(summary = "Frames sampled from an uploaded clip (owner)",
      description = "count frames evenly spaced over the clip (1-" + FrameImport.MAX_FRAMES_PER_ADD
          + "), or every n-th frame from the first (at most " + FrameImport.MAX_FRAMES_PER_ADD
          + " frames): exactly one of count and every. Nothing is added.")
  @ApiResponse(responseCode = "200", description = "The candidates")
  @ApiResponse(responseCode = "400", description = "Not a readable clip, or a sampling that gives "
      + "no frame or too many",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @PostMapping(path = "/{id}/frame-candidates/clip", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public CandidateBatch fromClip(@PathVariable("id") long id,
      @RequestPart("video") MultipartFile video,
      @Parameter(description = "frames evenly spaced over the clip")
          @RequestParam(name = "count", required = false) Integer count,
      @Parameter(description = "every n-th frame from the first")
          @RequestParam(name = "every", required = false) Integer every) throws IOException {
    ClipSampling sampling = sampling(count, every);
    return CandidateBatch.of(imports.fromClip(user(), id, video.getBytes(),
        UploadChecks.nameOf(video, "video"), sampling));
  }

  @Operation(summary = "Frames sampled from a clip on the server (owner)",
      description = "As the upload, from a file the server may read: {\"path\": ..., \"count\": n}"
          + " or {\"path\": ..., \"every\": n}. Nothing is added.")
  @ApiResponse(responseCode = "200", description = "The candidates")
  @ApiResponse(responseCode = "400", description = "No such file, one the server may not read, "
      + "not a readable clip, or a sampling that gives no frame or too many",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @PostMapping(path = "/{id}/frame-candidates/clip-file",
      consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  public CandidateBatch fromClipFile(@PathVariable("id") long id,
      @RequestBody(required = false) ClipFileRequest body) {
    if (body == null || body.path() == null || body.path().isBlank()) {
      throw new StudyInputException("send the clip as JSON: {\"path\": \"/path/on/the/server\", "
          + "\"count\": n} or {..., \"every\": n}");
    }
    return CandidateBatch.of(imports.fromClipFile(user(), id, body.path(),
        sampling(body.count(), body.every())));
  }

  private static ClipSampling sampling(Integer count, Integer every) {
    if ((count == null) == (every == null)) {
      throw new StudyInputException("give exactly one of count (frames evenly spaced, 1-"
          + FrameImport.MAX_FRAMES_PER_ADD + ") and every (every n-th frame)");
    }
    try {
      return count != null ? ClipSampling.evenly(count) : ClipSampling.every(every);
    } catch (IllegalArgumentException e) {
      throw new StudyInputException(e.getMessage());
    }
  }

  private static String user() {
    return Actor.current().user();
  }
}
