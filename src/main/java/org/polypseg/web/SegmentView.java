package org.polypseg.web;

import jakarta.annotation.security.PermitAll;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.Command;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.polypseg.image.Images;
import org.polypseg.report.ReportFormat;
import org.polypseg.report.ReportService;
import org.polypseg.segment.PolypSegProperties;
import org.polypseg.segment.SegmentationImages;
import org.polypseg.web.audit.Actor;
import org.polypseg.web.audit.AuditAction;
import org.polypseg.web.audit.AuditLog;
import org.polypseg.web.fairuse.FairUse;
import org.polypseg.video.AnalysisSettings;
import org.polypseg.video.ClipReportMaker;
import org.polypseg.video.VideoJob;
import org.polypseg.video.VideoJobs;
import org.polypseg.video.VideoReadException;

/**
 * The clinician's page: drop or pick colonoscopy frames, and each is segmented in the background
 * and shown beside its overlay and heat map, with an instant threshold slider and the figures.
 */
@PermitAll // any signed-in user, when login is on
@Route(value = "", layout = MainLayout.class)
@PageTitle("Segment · polypseg")
public class SegmentView extends Div {

  /**
   * What the pickers accept: MIME types and extensions of PNG, JPEG, TIFF and BMP, and of the
   * clips the video package reads (a clip dropped here is analysed as a video).
   */
  static final String[] ACCEPTED_TYPES = {
    "image/png", "image/jpeg", "image/tiff", "image/bmp",
    ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp",
    "video/mp4", "video/webm", "video/x-msvideo", "video/quicktime", "video/x-matroska",
    ".mp4", ".m4v", ".webm", ".avi", ".mov", ".mkv"
  };

  private final SegmentationJobs jobs;
  private final VideoJobs videos;
  private final ClipReportMaker clipReports;
  private final Div videoHolder = new Div();
  private final PageQueue pageQueue;
  private final ReportService reports;
  private final PageAccounting accounting;
  private final List<ImageCase> cases = new ArrayList<>();
  private final List<VideoPanel> videoPanels = new ArrayList<>();
  private final CaseStrip strip = new CaseStrip(this::select);
  private final Div detailHolder = new Div();
  private final Span queueText = new Span();
  private final HorizontalLayout queue;
  private final HorizontalLayout batchReports = new HorizontalLayout();
  private final Span batchText = new Span();
  private volatile UiContext ui;
  private ImageCase selected;
  private CaseDetail detail;

  public SegmentView(SegmentationJobs jobs, ReportService reports, PolypSegProperties properties,
      VideoJobs videos, ClipReportMaker clipReports, PageAccounting accounting) {
    this.jobs = jobs;
    this.videos = videos;
    this.clipReports = clipReports;
    this.pageQueue = new PageQueue(jobs);
    this.reports = reports;
    this.accounting = accounting;
    // Clips are larger than images: the upload takes either, and the decoder then holds images to
    // their own limit (its message names the file).
    long maxFileBytes = Math.max(properties.maxImageSize().toBytes(), videos.limits().maxBytes());
    addClassName("segment-view");

    Upload upload = new Upload(
        Uploads.inMemory(maxFileBytes, (meta, bytes) -> receive(meta.fileName(), bytes)));
    upload.setId("image-upload");
    upload.setMaxFiles(properties.maxFiles());
    upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, maxFileBytes));
    upload.setAcceptedFileTypes(ACCEPTED_TYPES);
    Button pick = new Button("Choose images…", VaadinIcon.UPLOAD.create());
    pick.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    upload.setUploadButton(pick);
    upload.setDropLabel(new Span("or drop colonoscopy frames here — PNG, JPEG, TIFF or BMP, "
        + "one or many, up to " + properties.maxImageSize().toMegabytes() + " MB each — or a "
        + "clip: MP4, WebM, AVI or MOV, up to " + (videos.limits().maxBytes() >> 20) + " MB"));
    upload.setI18n(messages(properties, videos.limits().maxBytes()));
    upload.addFileRejectedListener(e -> error(e.getFileName() + ": " + e.getErrorMessage()));
    upload.addFailedListener(e -> error(e.getFileName() + ": the upload failed ("
        + (e.getReason() == null ? "connection lost" : e.getReason().getMessage()) + ")"));
    upload.addAllFinishedListener(e -> upload.clearFileList());
    upload.setWidthFull();

    ProgressBar bar = new ProgressBar();
    bar.setIndeterminate(true);
    bar.setWidth("8em");
    queue = new HorizontalLayout(bar, queueText);
    queue.setAlignItems(FlexComponent.Alignment.CENTER);
    queue.addClassName("queue");
    queue.setId("queue");
    queue.setVisible(false);

    batchReports.addClassName("batch-reports");
    batchReports.setId("batch-reports");
    batchReports.setAlignItems(FlexComponent.Alignment.CENTER);
    batchReports.setVisible(false);

    detailHolder.addClassName("detail-holder");
    detailHolder.add(introduction());
    videoHolder.addClassName("video-holder");
    videoHolder.setId("videos");
    add(upload, queue, videoHolder, strip, batchReports, detailHolder);
  }

  @Override
  protected void onAttach(AttachEvent attachEvent) {
    super.onAttach(attachEvent);
    if (ui == null) {
      ui = pageContext(attachEvent.getUI());
    }
  }

  /**
   * Receives one uploaded file (on the upload's request thread, which says who sent it) and
   * queues it for segmentation, within the user's allowance.
   */
  void receive(String fileName, byte[] bytes) {
    if (Images.looksLikeVideo(bytes)) {
      receiveVideo(fileName, bytes);
      return;
    }
    Actor actor = Actor.current();
    ImageCase c = new ImageCase(fileName, UploadTag.of(bytes));
    AuditLog.Entry audit = accounting.begin(AuditAction.SEGMENT, actor).upload(c.uploadTag());
    ui.access(() -> {
      cases.add(c);
      strip.update(c);
      if (selected == null || selected.status() == ImageCase.Status.FAILED) {
        select(c);
      }
      updateQueue();
    });
    Optional<Duration> wait = accounting.take(actor);
    if (wait.isPresent()) {
      audit.end("rate-limited");
      fail(c, fileName + ": not segmented — many images were sent from here in a short time; "
          + "add it again in " + FairUse.seconds(wait.get()) + " s");
      return;
    }
    pageQueue.submit(fileName, bytes).thenAccept(outcome -> {
      audit.end(switch (outcome) {
        case SegmentationJobs.Segmented s -> "ok";
        case SegmentationJobs.Rejected r -> "rejected";
        case SegmentationJobs.Busy b -> "busy";
      });
      switch (outcome) {
        case SegmentationJobs.Segmented s -> {
          // Start the browser's PNGs now, so they are ready when it asks for them.
          CompletableFuture<byte[]> display = jobs.encodePng(s::image);
          CompletableFuture<byte[]> probability = jobs.encodePng(
              () -> SegmentationImages.probabilityImage(s.segmentation()));
          ui.access(() -> {
            c.completed(s.image(), s.segmentation(), display, probability);
            finish(c);
          });
        }
        case SegmentationJobs.Rejected r -> fail(c, r.message());
        case SegmentationJobs.Busy b -> fail(c, b.message());
      }
    });
  }

  /**
   * Checks a clip and starts its analysis, at the threshold of the image on screen; its panel
   * shows progress and results. A clip that cannot be used is named in a notification.
   */
  private void receiveVideo(String fileName, byte[] bytes) {
    Actor actor = Actor.current();
    String tag = UploadTag.of(bytes);
    AuditLog.Entry audit = accounting.begin(AuditAction.VIDEO, actor).upload(tag);
    Optional<Duration> wait = accounting.take(actor);
    if (wait.isPresent()) {
      audit.end("rate-limited");
      error(fileName + ": not analysed — many files were sent from here in a short time; add it "
          + "again in " + FairUse.seconds(wait.get()) + " s");
      return;
    }
    double threshold = selected != null && selected.isDone() ? selected.threshold()
        : ImageCase.DEFAULT_THRESHOLD;
    VideoJob job;
    try {
      job = videos.submit(fileName, bytes, new AnalysisSettings(1, threshold));
    } catch (VideoReadException e) {
      audit.end("rejected");
      error(e.getMessage());
      return;
    } catch (VideoJobs.Full e) {
      audit.end("busy");
      error(e.getMessage());
      return;
    }
    // The clip was taken; its analysis runs on (the line records the access, not the analysis).
    audit.end("ok");
    ui.access(() -> {
      VideoPanel panel = new VideoPanel(job, ui, clipReports, accounting, tag);
      videoPanels.addFirst(panel);
      videoHolder.addComponentAsFirst(panel);
    });
  }

  /** The clips on the page, newest first. */
  List<VideoPanel> videoPanels() {
    return Collections.unmodifiableList(videoPanels);
  }

  /** Marks {@code c} as failed (a bad file, or a busy server) and tells the user why. */
  private void fail(ImageCase c, String message) {
    ui.access(() -> {
      c.failed(message);
      error(message);
      finish(c);
    });
  }

  private void finish(ImageCase c) {
    strip.update(c);
    if (c == selected) {
      showDetail();
    }
    updateQueue();
    updateBatchReports();
  }

  /** Batch report buttons, once two or more images are segmented. */
  private void updateBatchReports() {
    long done = cases.stream().filter(ImageCase::isDone).count();
    if (done < 2) {
      batchReports.setVisible(false);
      return;
    }
    if (batchReports.getComponentCount() == 0) {
      ReportDownloads downloads = new ReportDownloads(reports, ui, accounting);
      batchReports.add(batchText);
      batchReports.add(reportButtons("Batch report", "batch-report",
          format -> downloads.batch(this::cases, format)));
    }
    batchText.setText(done + " images segmented; each at its own threshold:");
    batchReports.setVisible(true);
  }

  /** Shows {@code c} in the detail area. */
  void select(ImageCase c) {
    selected = c;
    strip.select(c);
    showDetail();
  }

  private void showDetail() {
    detailHolder.removeAll();
    detail = new CaseDetail(selected, detailContext(), jobs.limits(), accounting);
    if (selected.isDone()) {
      detail.overlay().addThresholdChangedListener(e -> strip.refreshStatus(selected));
      ReportDownloads downloads = new ReportDownloads(reports, ui, accounting);
      ImageCase shown = selected;
      detail.actions().add(reportButtons("Report", "report",
          format -> downloads.single(shown, format)));
    }
    detailHolder.add(detail);
  }

  private void updateQueue() {
    long waiting = cases.stream().filter(c -> c.status() == ImageCase.Status.SEGMENTING).count();
    queue.setVisible(waiting > 0);
    queueText.setText(waiting == 1 ? "Segmenting 1 image…" : "Segmenting " + waiting + " images…");
  }

  private void error(String message) {
    ui.error(message);
  }

  /** The uploaded cases in upload order. */
  public List<ImageCase> cases() {
    return Collections.unmodifiableList(cases);
  }

  /** The case shown in the detail area, or null. */
  public ImageCase selected() {
    return selected;
  }

  /** The detail area's component for the selected case, or null; report buttons go in it. */
  public CaseDetail detail() {
    return detail;
  }

  CaseStrip strip() {
    return strip;
  }

  /** A PDF and a Word download button: "{text} PDF" with id "{id}-pdf", and likewise for Word. */
  private static Anchor[] reportButtons(String text, String id,
      Function<ReportFormat, DownloadHandler> handler) {
    Anchor pdf = Downloads.button(text + " PDF", handler.apply(ReportFormat.PDF));
    pdf.setId(id + "-pdf");
    Anchor docx = Downloads.button(text + " Word", handler.apply(ReportFormat.DOCX));
    docx.setId(id + "-docx");
    return new Anchor[] {pdf, docx};
  }

  boolean batchReportsVisible() {
    return batchReports.isVisible();
  }

  boolean queueVisible() {
    return queue.isVisible();
  }

  /** For tests without a browser: run UI commands at once and hand messages to {@code errors}. */
  void useContext(UiContext context) {
    this.ui = context;
  }

  private UiContext detailContext() {
    return ui;
  }

  private static UiContext pageContext(UI ui) {
    return new UiContext() {
      @Override
      public void access(Command command) {
        ui.access(command);
      }

      @Override
      public void error(String message) {
        ui.access(() -> showError(message));
      }
    };
  }

  private static void showError(String message) {
    Notification notification = new Notification();
    notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
    notification.setPosition(Notification.Position.BOTTOM_END);
    notification.setDuration(8000);
    Button close = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> notification.close());
    close.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
    close.getElement().setAttribute("aria-label", "Close");
    HorizontalLayout content = new HorizontalLayout(VaadinIcon.WARNING.create(), new Span(message), close);
    content.setAlignItems(FlexComponent.Alignment.CENTER);
    notification.add(content);
    notification.addClassName("error-notification");
    notification.open();
  }

  private static Div introduction() {
    H2 title = new H2("Where does the model see a polyp?");
    Paragraph what = new Paragraph("Add one or more colonoscopy frames. Each is resized to the "
        + "model's input, segmented on the server in the background, and shown next to the overlay "
        + "of the predicted polyp and the model's probability heat map. Move the threshold slider "
        + "to see the overlay change at once; the area, the regions and — with a ground-truth mask "
        + "— Dice and IoU follow the threshold you settle on.");
    Paragraph use = new Paragraph("For research and education only. Not a medical device: do not "
        + "use it to diagnose or treat patients.");
    use.addClassName("intended-use");
    Div intro = new Div(title, what, use);
    intro.addClassName("intro");
    intro.setId("intro");
    return intro;
  }

  private static UploadI18N messages(PolypSegProperties properties, long maxVideoBytes) {
    UploadI18N i18n = new UploadI18N();
    i18n.setDropFiles(new UploadI18N.DropFiles().setOne("Drop image here").setMany("Drop images here"));
    i18n.setAddFiles(new UploadI18N.AddFiles().setOne("Choose image…").setMany("Choose images…"));
    i18n.setError(new UploadI18N.Error()
        .setFileIsTooBig("the file is larger than " + (maxVideoBytes >> 20)
            + " MB, the limit for a video (images: " + properties.maxImageSize().toMegabytes()
            + " MB)")
        .setIncorrectFileType("not a supported image type (PNG, JPEG, TIFF or BMP) or video"
            + " (MP4, WebM, AVI, MOV)")
        .setTooManyFiles("too many files at once (at most " + properties.maxFiles() + ")"));
    i18n.setUploading(new UploadI18N.Uploading()
        .setStatus(new UploadI18N.Uploading.Status().setConnecting("Connecting…")
            .setHeld("Queued").setProcessing("Processing…").setStalled("Stalled"))
        .setRemainingTime(new UploadI18N.Uploading.RemainingTime().setPrefix("remaining time: ")
            .setUnknown("unknown remaining time"))
        .setError(new UploadI18N.Uploading.Error().setServerUnavailable("the server did not answer")
            .setUnexpectedServerError("the server failed to receive it")
            .setForbidden("the upload was refused")));
    i18n.setUnits(new UploadI18N.Units(List.of("B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB")));
    return i18n;
  }
}
