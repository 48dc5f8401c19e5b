package org.polypseg.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.util.List;
import org.polypseg.image.ImageReadException;
import org.polypseg.image.Images;
import org.polypseg.image.Masks;
import org.polypseg.image.Redaction;
import org.polypseg.study.DatasetWriter;
import org.polypseg.study.ExportSource;
import org.polypseg.study.MaskImage;
import org.polypseg.study.MaskSave;
import org.polypseg.study.Progress;
import org.polypseg.study.StudyAgreement;
import org.polypseg.study.StudyDeletion;
import org.polypseg.study.StudyInputException;
import org.polypseg.study.StudyService;
import org.polypseg.study.StudySettings;
import org.polypseg.web.audit.Actor;
import org.polypseg.web.api.StudyResponses.FrameView;
import org.polypseg.web.api.StudyResponses.MaskView;
import org.polypseg.web.api.StudyResponses.NewAnnotator;
import org.polypseg.web.api.StudyResponses.NewStudy;
import org.polypseg.web.api.StudyResponses.PlainMask;
import org.polypseg.web.api.StudyResponses.QueueView;
import org.polypseg.web.api.StudyResponses.RedactionProposal;
import org.polypseg.web.api.StudyResponses.StudyView;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Annotation studies over HTTP, for the signed-in user (studies need login): the owner creates a
 * study, adds redacted frames and annotators, reads the agreement, adjudicates, exports and
 * deletes; annotators work through their queue and save their own masks with the version they
 * started from. Who may see what is {@link StudyService}'s: a study one is not in is a 404, a
 * mask one may not read a 403. Errors are problem details ({@link StudyExceptionHandler}).
 */
@RestController
@RequestMapping("/api/studies")
@Tag(name = "Studies", description = "Annotation studies: several experts' masks of the same "
    + "frames, their consensus (STAPLE) and agreement, export as a data folder")
public class StudyController {

  private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

  private final StudyService studies;

  public StudyController(StudyService studies) {
    this.studies = studies;
  }

  private static String user() {
    return Actor.current().user();
  }

  @Operation(summary = "The studies I am in", description = "As owner or annotator, newest first.")
  @ApiResponse(responseCode = "200", description = "The studies")
  @ApiResponse(responseCode = "403", description = "Login is off (studies need a signed-in user)",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "503", description = "The study database is unavailable",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  public List<StudyView> list() {
    return studies.studies(user()).stream().map(StudyView::of).toList();
  }

  @Operation(summary = "Create a study", description = "I become its owner. startFrom: blank "
      + "(default) or model; blind: true (default) keeps annotators from seeing each other's masks.")
  @ApiResponse(responseCode = "201", description = "Created; Location names it")
  @ApiResponse(responseCode = "400", description = "No title, or a bad startFrom",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<StudyView> create(@RequestBody NewStudy body) {
    StudyView study = StudyView.of(studies.create(user(), settings(body)));
    return ResponseEntity.created(URI.create("/api/studies/" + study.id())).body(study);
  }

  @Operation(summary = "A study", description = "Its settings, owner, annotators, frame count.")
  @ApiResponse(responseCode = "200", description = "The study")
  @ApiResponse(responseCode = "404", description = "No such study, or I am not in it",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  public StudyView study(@PathVariable("id") long id) {
    return StudyView.of(studies.study(user(), id));
  }

  @Operation(summary = "Change the settings (owner)")
  @ApiResponse(responseCode = "200", description = "The study")
  @ApiResponse(responseCode = "403", description = "Not the owner",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @PutMapping(path = "/{id}/settings", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public StudyView settings(@PathVariable("id") long id, @RequestBody NewStudy body) {
    return StudyView.of(studies.updateSettings(user(), id, settings(body)));
  }

  @Operation(summary = "Add an annotator (owner)",
      description = "By user name: an account that can sign in.")
  @ApiResponse(responseCode = "200", description = "The study")
  @ApiResponse(responseCode = "400", description = "Not a user, or an annotator already",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @PostMapping(path = "/{id}/annotators", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public StudyView addAnnotator(@PathVariable("id") long id, @RequestBody NewAnnotator body) {
    return StudyView.of(studies.addAnnotator(user(), id, body.username()));
  }

  @Operation(summary = "Delete a study (owner)",
      description = "Every row and picture of it; answers what was deleted, table by table.")
  @ApiResponse(responseCode = "200", description = "Rows deleted")
  @DeleteMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  public StudyDeletion delete(@PathVariable("id") long id) {
    return studies.delete(user(), id);
  }

  @Operation(summary = "Propose the boxes to blank (owner)",
      description = "The burned-in text boxes found in a frame, as x,y,w,h;... in pixels, to check "
          + "and pass as redact when adding it. Nothing is kept.")
  @ApiResponse(responseCode = "200", description = "The proposed boxes (possibly none)")
  @PostMapping(path = "/{id}/redaction-proposals", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public RedactionProposal propose(@PathVariable("id") long id,
      @RequestPart("image") MultipartFile image) throws IOException {
    return new RedactionProposal(studies.proposeRedaction(user(), id, image.getBytes(),
        UploadChecks.nameOf(image, "image")).format());
  }

  @Operation(summary = "Add a frame (owner)",
      description = "The frame's burned-in text is blanked with redact (x,y,w,h;... in pixels; "
          + "empty for none) and it enters the study only with redactionConfirmed=true. It is "
          + "kept as PNG under a study-local name (frame-0001); its file name is not kept.")
  @ApiResponse(responseCode = "201", description = "The frame")
  @ApiResponse(responseCode = "400", description = "Unreadable image, a box outside it, or the "
      + "redaction not confirmed",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @PostMapping(path = "/{id}/frames", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<FrameView> addFrame(@PathVariable("id") long id,
      @RequestPart("image") MultipartFile image,
      @Parameter(description = "boxes to blank, x,y,w,h;... in pixels")
          @RequestParam(name = "redact", defaultValue = "") String redact,
      @Parameter(description = "the owner confirms the boxes cover the burned-in text")
          @RequestParam(name = "redactionConfirmed", defaultValue = "false")
          boolean redactionConfirmed) throws IOException {
    Redaction boxes;
    try {
      boxes = Redaction.parse(redact);
    } catch (IllegalArgumentException e) {
      throw new StudyInputException("redact: " + e.getMessage());
    }
    FrameView frame = FrameView.of(studies.addFrame(user(), id, image.getBytes(),
        UploadChecks.nameOf(image, "image"), boxes, redactionConfirmed));
    return ResponseEntity.created(URI.create("/api/studies/" + id + "/frames/" + frame.id()))
        .body(frame);
  }

  @Operation(summary = "The study's frames")
  @GetMapping(path = "/{id}/frames", produces = MediaType.APPLICATION_JSON_VALUE)
  public List<FrameView> frames(@PathVariable("id") long id) {
    return studies.frames(user(), id).stream().map(FrameView::of).toList();
  }

  @Operation(summary = "A frame's picture", description = "The redacted PNG.")
  @ApiResponse(responseCode = "200", description = "PNG", content = @Content(mediaType = "image/png"))
  @GetMapping(path = "/{id}/frames/{frameId}/image", produces = MediaType.IMAGE_PNG_VALUE)
  public ResponseEntity<byte[]> image(@PathVariable("id") long id,
      @PathVariable("frameId") long frameId) {
    return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
        .body(studies.frameImage(user(), id, frameId));
  }

  @Operation(summary = "My queue (annotator)",
      description = "Every frame with what I did on it; next is where to resume.")
  @GetMapping(path = "/{id}/queue", produces = MediaType.APPLICATION_JSON_VALUE)
  public QueueView queue(@PathVariable("id") long id) {
    return QueueView.of(studies.queue(user(), id));
  }

  @Operation(summary = "Progress", description = "Per annotator (the owner sees all, an "
      + "annotator their own): frames saved, no polyp, unsure, of all.")
  @GetMapping(path = "/{id}/progress", produces = MediaType.APPLICATION_JSON_VALUE)
  public List<Progress> progress(@PathVariable("id") long id) {
    return studies.progress(user(), id);
  }

  @Operation(summary = "Where I start a frame (annotator)", description = "My saved mask, else "
      + "the model's (when the owner chose so), else blank.")
  @GetMapping(path = "/{id}/frames/{frameId}/start-mask",
      produces = MediaType.APPLICATION_JSON_VALUE)
  public PlainMask startMask(@PathVariable("id") long id, @PathVariable("frameId") long frameId) {
    return PlainMask.of(studies.startMask(user(), id, frameId));
  }

  @Operation(summary = "An annotator's mask", description = "Mine always; another's for the "
      + "owner, or for a fellow annotator when the study is not blind.")
  @ApiResponse(responseCode = "200", description = "The mask, its version and flags")
  @ApiResponse(responseCode = "403", description = "A blind study: another annotator's mask",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "404", description = "Not saved, or not in the study",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @GetMapping(path = "/{id}/frames/{frameId}/masks/{annotator}",
      produces = MediaType.APPLICATION_JSON_VALUE)
  public MaskView mask(@PathVariable("id") long id, @PathVariable("frameId") long frameId,
      @PathVariable("annotator") String annotator) {
    return MaskView.of(studies.mask(user(), id, frameId, annotator));
  }

  @Operation(summary = "Save my mask (annotator)",
      description = "mask: a black/white PNG at the frame's size (may be left out with "
          + "noPolyp=true); version: the version I started from (0 for a first save). A save "
          + "from an older version than the one kept is a 409 and overwrites nothing.")
  @ApiResponse(responseCode = "200", description = "Saved; the new version")
  @ApiResponse(responseCode = "409", description = "Saved elsewhere meanwhile (another tab)",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @PutMapping(path = "/{id}/frames/{frameId}/mask", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public MaskView save(@PathVariable("id") long id, @PathVariable("frameId") long frameId,
      @RequestPart(name = "mask", required = false) MultipartFile mask,
      @RequestParam(name = "version", defaultValue = "0") int version,
      @RequestParam(name = "noPolyp", defaultValue = "false") boolean noPolyp,
      @RequestParam(name = "unsure", defaultValue = "false") boolean unsure) throws IOException {
    MaskImage pixels = mask == null ? null : decodeMask(mask);
    return MaskView.of(studies.saveMask(user(), id, frameId,
        new MaskSave(version, pixels, noPolyp, unsure)));
  }

  @Operation(summary = "Consensus and agreement (owner)",
      description = "From the frames every annotator saved: per annotator STAPLE's sensitivity "
          + "and specificity, Dice against the others and against the consensus; the model's Dice"
          + " against the consensus; the frames by disagreement.")
  @ApiResponse(responseCode = "200", description = "The agreement")
  @ApiResponse(responseCode = "400", description = "Fewer than two annotators, no frames, or no "
      + "frame saved by all", content = @Content(mediaType = PROBLEM,
          schema = @Schema(implementation = ProblemDetail.class)))
  @GetMapping(path = "/{id}/agreement", produces = MediaType.APPLICATION_JSON_VALUE)
  public StudyAgreement agreement(@PathVariable("id") long id) {
    return studies.agreement(user(), id);
  }

  @Operation(summary = "Adjudicate a frame (owner)",
      description = "My mask (black/white PNG) becomes the frame's reference.")
  @ApiResponse(responseCode = "204", description = "Kept")
  @PutMapping(path = "/{id}/frames/{frameId}/reference",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<Void> adjudicate(@PathVariable("id") long id,
      @PathVariable("frameId") long frameId, @RequestPart("mask") MultipartFile mask)
      throws IOException {
    studies.adjudicate(user(), id, frameId, decodeMask(mask));
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "Export as a data folder (owner)",
      description = "A ZIP of images/ and masks/ (frame-0001.png, ...) that train and evaluate "
          + "read, with agreement.json, agreement.csv and frames.csv. masks: staple (default), "
          + "majority, or adjudicated (the owner's reference where there is one).")
  @ApiResponse(responseCode = "200", description = "The ZIP",
      content = @Content(mediaType = "application/zip"))
  @ApiResponse(responseCode = "400", description = "An empty study, fewer than two annotators",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @GetMapping(path = "/{id}/export", produces = "application/zip")
  public ResponseEntity<byte[]> export(@PathVariable("id") long id,
      @RequestParam(name = "masks", defaultValue = "staple") String masks) {
    ExportSource source = ExportSource.parse(masks);
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    studies.export(user(), id, source, DatasetWriter.zip(zip));
    return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename("study-" + id + "-" + source.label() + ".zip").build().toString())
        .body(zip.toByteArray());
  }

  private static StudySettings settings(NewStudy body) {
    if (body == null) {
      throw new StudyInputException("send the study as JSON: {\"title\": ..., \"startFrom\": "
          + "\"blank\"|\"model\", \"blind\": true|false}");
    }
    return new StudySettings(body.title(), body.startFrom() == null ? null
        : StudySettings.StartFrom.parse(body.startFrom()), body.blind() == null || body.blind());
  }

  private static MaskImage decodeMask(MultipartFile file) throws IOException {
    String name = UploadChecks.nameOf(file, "mask");
    try {
      BufferedImage image = Images.readRgb(file.getBytes(), name);
      return new MaskImage(image.getWidth(), image.getHeight(), Masks.truth(image, name));
    } catch (ImageReadException e) {
      throw new StudyInputException(e.getMessage());
    }
  }
}
