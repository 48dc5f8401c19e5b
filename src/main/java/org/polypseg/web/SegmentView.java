package org.polypseg.web;

import jakarta.annotation.security.PermitAll;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.page.ExtendedClientDetails;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.Command;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.polypseg.image.ImageReadException;
import org.polypseg.image.Images;
import org.polypseg.image.Masks;
import org.polypseg.report.ReportFormat;
import org.polypseg.report.ReportService;
import org.polypseg.segment.PolypSegProperties;
import org.polypseg.segment.SegmentationImages;
import org.polypseg.web.audit.Actor;
import org.polypseg.web.audit.AuditAction;
import org.polypseg.web.audit.AuditLog;
import org.polypseg.video.AnalysisSettings;
import org.polypseg.video.ClipReportMaker;
import org.polypseg.video.VideoJob;
import org.polypseg.video.VideoJobs;
import org.polypseg.video.VideoReadException;

/**
 * The clinician's page: drop or pick colonoscopy frames, and each is segmented in the background
 * and shown beside its overlay and heat map, with an instant threshold slider and the figures.
 *
 * <p>What the page shows is the browser tab's {@link TabWork}, kept in the session: a new view
 * (after the model page, back/forward or a reload) shows the same images, masks, thresholds,
 * labels and clips.
 */
@PermitAll // any signed-in user, when login is on
@Route(value = "", layout = MainLayout.class)
@PageTitle("Segment · polypseg")
public class SegmentView extends Div implements TabWork.Viewer {

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
  private final ReportService reports;
  private final PageAccounting accounting;
  private final SampleFrames samples;
  private final List<VideoPanel> videoPanels = new ArrayList<>();
  private final CaseStrip strip = new CaseStrip(this::select, this::remove);
  private final Div detailHolder = new Div();
  private final Span queueText = new Span();
  private final HorizontalLayout queue;
  private final HorizontalLayout batchReports = new HorizontalLayout();
  private final Span batchText = new Span();
  private final Button pick = new Button("Choose images…", VaadinIcon.UPLOAD.create());
  private final ClearAll clearAll = new ClearAll(this::clearAll);
  private final BatchDiceCurve batchCurve = new BatchDiceCurve(this::applyThresholdToAll);
  private final FiguresDownloads figures;
  private volatile UiContext ui;
  private volatile TabWork work;
  private CaseDetail detail;
  // The first image of the latest drop, to select when segmented; null when none is waiting.
  private ImageCase showWhenDone;
  private long lastArrival = System.nanoTime() - NEW_DROP_NANOS - 1;
  private static final long NEW_DROP_NANOS = 3_000_000_000L;
  private Boolean unsavedInBrowser;

  public SegmentView(SegmentationJobs jobs, ReportService reports, PolypSegProperties properties,
      VideoJobs videos, ClipReportMaker clipReports, PageAccounting accounting) {
    this.jobs = jobs;
    this.videos = videos;
    this.clipReports = clipReports;
    this.reports = reports;
    this.accounting = accounting;
    this.samples = new SampleFrames(properties.sampleFrames());
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
    // One file at a time: they arrive, and go into the strip, in the order they were chosen.
    upload.getElement().setProperty("maxConcurrentUploads", 1);

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

    figures = new FiguresDownloads(this::cases, () -> ui, accounting);

    detailHolder.addClassName("detail-holder");
    videoHolder.addClassName("video-holder");
    videoHolder.setId("videos");
    H1 pageTitle = new H1("Segment colonoscopy frames");
    pageTitle.addClassName("page-title");
    add(pageTitle, upload, queue, videoHolder, clearAll, strip, batchReports, figures, batchCurve, detailHolder);
  }

  @Override
  protected void onAttach(AttachEvent attachEvent) {
    super.onAttach(attachEvent);
    UI page = attachEvent.getUI();
    if (ui == null) {
      ui = pageContext(page);
    }
    LeaveGuard.install(page);
    unsavedInBrowser = null;
    if (work == null) {
      useWork(TabWork.of(page.getSession(), tabName(page)));
    } else {
      work.show(this);
      updateUnsaved();
    }
  }

  @Override
  protected void onDetach(DetachEvent detachEvent) {
    if (work != null) {
      work.hide(this);
    }
    super.onDetach(detachEvent);
  }

  /** Shows {@code tabWork}, everything in it, and whatever happens to it from now on. */
  void useWork(TabWork tabWork) {
    this.work = tabWork;
    tabWork.show(this);
    strip.clear();
    tabWork.cases().forEach(strip::update);
    videoPanels.clear();
    videoHolder.removeAll();
    // Clips newest first; one whose results expired meanwhile is no longer shown.
    for (TabWork.Clip clip : tabWork.clips()) {
      videos.find(clip.jobId()).ifPresent(job -> {
        VideoPanel panel = new VideoPanel(job, ui, clipReports, accounting, clip.uploadTag());
        videoPanels.add(panel);
        videoHolder.add(panel);
      });
    }
    if (tabWork.selected() != null) {
      select(tabWork.selected());
    } else {
      showDetail();
    }
    updateQueue();
    updateBatchReports();
    updatePageActions();
    updateUnsaved();
  }

  /**
   * The browser tab's name, which Vaadin's client keeps across reloads; without it (the browser
   * did not send its details), this UI's id, so that at least the app's own pages lose nothing.
   */
  private static String tabName(UI page) {
    ExtendedClientDetails details = page.getPage().getExtendedClientDetails();
    String name = details == null ? null : details.getWindowName();
    return name == null || name.isBlank() ? "ui-" + page.getUIId() : "tab-" + name;
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
    if (receivedAsMask(fileName, bytes)) {
      return;
    }
    Actor actor = Actor.current();
    ImageCase c = new ImageCase(fileName, UploadTag.of(bytes));
    AuditLog.Entry audit = accounting.begin(AuditAction.SEGMENT, actor).upload(c.uploadTag());
    // The results go to the tab's work, and through it to whichever view shows it by then.
    TabWork tab = work;
    tab.access(() -> tab.add(c));
    // No allowance is taken: the inference queue shares the model fairly among users itself.
    tab.queue(jobs).submit(actor.key(), fileName, bytes).thenAccept(outcome -> {
      audit.end(switch (outcome) {
        case SegmentationJobs.Segmented s -> "ok";
        case SegmentationJobs.Rejected r -> "rejected";
        case SegmentationJobs.Busy b -> "busy";
        case SegmentationJobs.OverLimit o -> "rate-limited";
      });
      switch (outcome) {
        case SegmentationJobs.Segmented s -> {
          // Start the browser's PNGs now, so they are ready when it asks for them.
          CompletableFuture<byte[]> display = jobs.encodePng(s::image);
          CompletableFuture<byte[]> probability = jobs.encodePng(
              () -> SegmentationImages.probabilityImage(s.segmentation()));
          // Checked here, off the UI thread: an upload that is a mask may have come before its
          // image (the files of one drop arrive in any order).
          TabWork.MaskFile asMask = maskOrNull(fileName, s.image());
          tab.access(() -> {
            c.completed(s.image(), s.segmentation(), display, probability);
            ImageCase paired = tab.pairLateImage(c, asMask);
            if (paired != null && paired != c && paired.isDone()) {
              attachMask(tab, paired, tab.takeMask(paired));
              tab.changed(paired);
            }
            TabWork.MaskFile waiting = tab.takeMask(c);
            if (waiting != null) {
              attachMask(tab, c, waiting);
            }
            tab.changed(c);
          });
        }
        case SegmentationJobs.Rejected r -> fail(tab, c, r.message());
        case SegmentationJobs.Busy b -> fail(tab, c, b.message());
        case SegmentationJobs.OverLimit o -> fail(tab, c, o.message());
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
    OptionalLong wait = accounting.overAllowance(actor, audit);
    if (wait.isPresent()) {
      error(fileName + ": not analysed — many files were sent from here in a short time; add it "
          + "again in " + wait.getAsLong() + " s");
      return;
    }
    ImageCase selected = work.selected();
    double threshold = selected != null && selected.isDone() ? selected.threshold()
        : ImageCase.DEFAULT_THRESHOLD;
    VideoJob job;
    try {
      job = videos.submit(fileName, tag, bytes, new AnalysisSettings(1, threshold));
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
    TabWork tab = work;
    tab.access(() -> tab.addClip(new TabWork.Clip(job.id(), tag)));
    ui.access(() -> {
      VideoPanel panel = new VideoPanel(job, ui, clipReports, accounting, tag);
      videoPanels.addFirst(panel);
      videoHolder.addComponentAsFirst(panel);
      updatePageActions();
    });
  }

  /** The clips on the page, newest first. */
  List<VideoPanel> videoPanels() {
    return Collections.unmodifiableList(videoPanels);
  }

  /** Marks {@code c} as failed (a bad file, or a busy server); the view on screen says why. */
  private static void fail(TabWork tab, ImageCase c, String message) {
    tab.access(() -> {
      c.failed(message);
      tab.failed(c, message);
      TabWork.MaskFile waiting = tab.takeMask(c);
      if (waiting != null) {
        tab.error(waiting.fileName() + ": this mask was not used, since its image "
            + c.fileName() + " could not be segmented");
      }
    });
  }

  /**
   * Takes a file dropped with the images as the ground-truth mask of the image on the page that
   * has its base name, as the API pairs them ({@code cju1.png} with {@code cju1.jpg}), when it is
   * a mask (black and white): the same drop, or a later one, then needs no click per mask. False
   * when there is no such image or the file is not a mask: it is then an image of its own.
   */
  private boolean receivedAsMask(String fileName, byte[] bytes) {
    TabWork tab = work;
    ImageCase image = tab.partnerOf(fileName);
    if (image == null) {
      return false;
    }
    TabWork.MaskFile mask;
    try {
      BufferedImage read = Images.readRgb(bytes, fileName, jobs.limits());
      mask = new TabWork.MaskFile(fileName, Masks.truth(read, fileName), read.getWidth(),
          read.getHeight());
    } catch (ImageReadException e) {
      return false; // another picture with the image's name (a second copy, say)
    }
    tab.access(() -> {
      if (image.status() == ImageCase.Status.SEGMENTING) {
        tab.holdMask(image, mask);
      } else {
        attachMask(tab, image, mask);
        tab.changed(image);
      }
    });
    return true;
  }

  /** {@code image} as a checked mask, or null when it is not one. */
  private static TabWork.MaskFile maskOrNull(String fileName, BufferedImage image) {
    try {
      return new TabWork.MaskFile(fileName, Masks.truth(image, fileName), image.getWidth(),
          image.getHeight());
    } catch (Masks.NotAMaskException e) {
      return null;
    }
  }

  @Override
  public void caseRemoved(ImageCase c) {
    ui.access(() -> {
      strip.remove(c);
      if (detail != null && detail.imageCase() == c) {
        select(work.selected());
      }
      updateQueue();
      updateBatchReports();
      updatePageActions();
    });
  }

  /** Attaches a checked mask to a segmented image; a mask of another size is named and left out. */
  private static void attachMask(TabWork tab, ImageCase image, TabWork.MaskFile mask) {
    if (!image.isDone()) {
      return;
    }
    try {
      image.attachTruth(mask.fileName(), mask.truth(), mask.width(), mask.height());
    } catch (IllegalArgumentException e) {
      tab.error(e.getMessage());
    }
  }

  @Override
  public void showError(String message) {
    error(message);
  }

  @Override
  public void caseAdded(ImageCase c) {
    ui.access(() -> {
      strip.update(c);
      strip.reveal(c);
      ImageCase selected = work.selected();
      // Files of one drop arrive one after another within moments; a later drop is new work.
      long now = System.nanoTime();
      boolean newDrop = now - lastArrival > NEW_DROP_NANOS;
      lastArrival = now;
      if (selected == null || selected.status() == ImageCase.Status.FAILED) {
        select(c);
      } else if (newDrop) {
        // The first image of a new drop is shown once it is segmented (a failed one is not:
        // its notification says why, and the image on screen stays).
        showWhenDone = c;
      }
      updateQueue();
      updatePageActions();
    });
  }

  @Override
  public void caseChanged(ImageCase c) {
    ui.access(() -> finish(c));
  }

  @Override
  public void caseFailed(ImageCase c, String message) {
    error(message);
    ui.access(() -> finish(c));
  }

  private void finish(ImageCase c) {
    if (!work.cases().contains(c)) {
      return; // removed while it was segmented
    }
    strip.update(c);
    boolean show = c == showWhenDone && c.isDone() && c != work.selected();
    if (c == showWhenDone) {
      showWhenDone = null;
    }
    if (show) {
      select(c);
      strip.reveal(c);
    } else if (c == work.selected()) {
      showDetail();
    }
    updateQueue();
    updateBatchReports();
    updateUnsaved();
  }

  /**
   * Takes {@code c} off the page, whatever its state; the focus goes to the next card (or the
   * previous, or the file picker when none is left), never to the page's body.
   */
  void remove(ImageCase c) {
    int index = work.cases().indexOf(c);
    if (index < 0) {
      return;
    }
    boolean wasSelected = c == work.selected();
    work.remove(c);
    strip.remove(c);
    List<ImageCase> left = work.cases();
    ImageCase next = left.isEmpty() ? null : left.get(Math.min(index, left.size() - 1));
    if (wasSelected) {
      if (next != null) {
        select(next);
      } else {
        showDetail();
      }
    }
    if (next != null) {
      strip.focus(next);
    } else {
      pick.focus();
    }
    updateQueue();
    updateBatchReports();
    updatePageActions();
    updateUnsaved();
  }

  /** Forgets every image and clip of this tab (confirmed by the user first). */
  void clearAll() {
    for (TabWork.Clip clip : work.clear()) {
      videos.delete(clip.jobId());
    }
    strip.clear();
    videoPanels.clear();
    videoHolder.removeAll();
    showDetail();
    pick.focus();
    updateQueue();
    updateBatchReports();
    updatePageActions();
    updateUnsaved();
  }

  private void updatePageActions() {
    clearAll.update(work.cases().size(), videoPanels.size());
    figures.update();
  }

  /** Tells the browser whether to ask before the tab is left; only when that changes. */
  private void updateUnsaved() {
    boolean unsaved = work.unsaved();
    if (!Boolean.valueOf(unsaved).equals(unsavedInBrowser)) {
      unsavedInBrowser = unsaved;
      getUI().ifPresent(page -> LeaveGuard.set(page, unsaved));
    }
  }

  /** True when leaving would lose work: a segmented image changed since its last report. */
  boolean unsaved() {
    return work.unsaved();
  }

  /** Batch report buttons, once two or more images are segmented. */
  private void updateBatchReports() {
    figures.update();
    batchCurve.update(work.cases());
    long done = work.cases().stream().filter(ImageCase::isDone).count();
    if (done < 2) {
      batchReports.setVisible(false);
      return;
    }
    if (batchReports.getComponentCount() == 0) {
      ReportDownloads downloads = new ReportDownloads(reports, ui, accounting,
          this::updateUnsaved);
      batchReports.add(batchText);
      batchReports.add(reportButtons("Batch report", "batch-report",
          format -> downloads.batch(this::cases, format)));
    }
    batchText.setText(done + " images segmented; each at its own threshold:");
    batchReports.setVisible(true);
  }

  /** Shows {@code c} in the detail area. */
  void select(ImageCase c) {
    if (!work.cases().contains(c)) {
      return; // a click that raced its removal
    }
    work.select(c);
    strip.select(c);
    showDetail();
  }

  /** The selected case in the detail area, or the introduction when there is none. */
  private void showDetail() {
    detailHolder.removeAll();
    ImageCase shown = work.selected();
    if (shown == null) {
      detail = null;
      detailHolder.add(introduction());
      return;
    }
    detail = new CaseDetail(shown, ui, jobs.limits(), accounting, () -> remove(shown));
    // A mask added or removed changes the batch's Dice curve.
    detail.onChange(() -> {
      updateUnsaved();
      batchCurve.update(work.cases());
    });
    detail.redactionScope(this::cases, redacted -> redacted.forEach(strip::update));
    if (shown.isDone()) {
      detail.overlay().addThresholdChangedListener(e -> strip.refreshStatus(shown));
      detail.onApplyToAll(this::applyThresholdToAll);
      ReportDownloads downloads = new ReportDownloads(reports, ui, accounting,
          this::updateUnsaved);
      detail.actions().add(reportButtons("Report", "report",
          format -> downloads.single(shown, format)));
    }
    detailHolder.add(detail);
  }

  /** "Try a sample frame": one of the configured sample frames, as if the user had chosen it. */
  void trySample() {
    samples.pick().ifPresentOrElse(sample -> receive(sample.fileName(), sample.bytes()),
        () -> error("The sample frames could not be read; see polypseg.sample-frames"));
  }

  /** "Use this threshold for all images": every segmented image takes {@code threshold}. */
  void applyThresholdToAll(double threshold) {
    int changed = 0;
    for (ImageCase c : work.cases()) {
      if (c.isDone() && c.threshold() != threshold) {
        c.setThreshold(threshold);
        strip.refreshStatus(c);
        changed++;
      }
    }
    if (detail != null && detail.imageCase().isDone()) {
      detail.overlay().setThreshold(threshold);
      detail.metrics().show(detail.imageCase());
    }
    updateUnsaved();
    if (UI.getCurrent() != null) {
      Notification.show(String.format(java.util.Locale.ROOT, "Threshold %.2f set for %d other "
          + "image%s", threshold, changed, changed == 1 ? "" : "s"), 3000,
          Notification.Position.BOTTOM_START);
    }
  }

  private void updateQueue() {
    long waiting = work.cases().stream().filter(c -> c.status() == ImageCase.Status.SEGMENTING).count();
    queue.setVisible(waiting > 0);
    queueText.setText(waiting == 1 ? "Segmenting 1 image…" : "Segmenting " + waiting + " images…");
  }

  private void error(String message) {
    ui.error(message);
  }

  /** The uploaded cases in upload order. */
  public List<ImageCase> cases() {
    return work.cases();
  }

  /** The case shown in the detail area, or null. */
  public ImageCase selected() {
    return work.selected();
  }

  /** The detail area's component for the selected case, or null; report buttons go in it. */
  public CaseDetail detail() {
    return detail;
  }

  BatchDiceCurve batchCurve() {
    return batchCurve;
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

  FiguresDownloads figures() {
    return figures;
  }

  boolean batchReportsVisible() {
    return batchReports.isVisible();
  }

  boolean queueVisible() {
    return queue.isVisible();
  }

  /**
   * For tests without a browser: run UI commands with {@code context} and show a tab's work of its
   * own (unless {@link #useWork} gave one).
   */
  void useContext(UiContext context) {
    this.ui = context;
    if (work == null) {
      useWork(new TabWork(context::access));
    }
  }

  TabWork work() {
    return work;
  }

  ClearAll clearAllButton() {
    return clearAll;
  }

  private static UiContext pageContext(UI ui) {
    return new UiContext() {
      @Override
      public void access(Command command) {
        ui.access(command);
      }

      @Override
      public void error(String message) {
        ui.access(() -> openErrorNotification(message));
      }
    };
  }

  private static void openErrorNotification(String message) {
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

  private Div introduction() {
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
    if (samples.any()) {
      Button sample = new Button("Try a sample frame", VaadinIcon.PICTURE.create(),
          e -> trySample());
      sample.setId("try-sample");
      intro.add(sample);
    }
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
