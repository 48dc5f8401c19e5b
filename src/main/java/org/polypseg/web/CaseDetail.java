package org.polypseg.web;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.Locale;
import org.polypseg.image.ImageLimits;
import org.polypseg.image.ImageReadException;
import org.polypseg.image.Images;
import org.polypseg.image.Masks;
import org.polypseg.report.ReportRequest;
import org.polypseg.image.Redaction;
import org.polypseg.segment.Segmentation;
import org.polypseg.web.audit.AuditAction;
import org.polypseg.segment.SegmentationImages;
import org.polypseg.segment.ThresholdCurve;

/**
 * The selected image: original, overlay with its threshold slider and heat map side by side, the
 * figures at the current threshold, the ground-truth upload and the downloads.
 */
public class CaseDetail extends Div {

  private final ImageCase imageCase;
  private final UiContext ui;
  private final ImageLimits limits;
  private final PageAccounting accounting;
  private final Runnable onRemove;
  private Runnable onChange = () -> {};
  private java.util.function.DoubleConsumer onApplyToAll = t -> {};
  private final HorizontalLayout actions = new HorizontalLayout();
  private ThresholdOverlay overlay;
  private MetricsPanel metrics;
  private Span truthName;
  private TextField label;
  private Button removeTruth;
  private Button redact;
  private Supplier<List<ImageCase>> allCases = List::of;
  private Consumer<List<ImageCase>> onRedacted = changed -> {};

  /** @param onRemove takes this image off the page ("Remove image") */
  public CaseDetail(ImageCase imageCase, UiContext ui, ImageLimits limits,
      PageAccounting accounting, Runnable onRemove) {
    this.imageCase = imageCase;
    this.ui = ui;
    this.limits = limits;
    this.accounting = accounting;
    this.onRemove = onRemove;
    long maxFileBytes = limits.maxBytes();
    addClassName("case-detail");
    setId("case-detail");
    switch (imageCase.status()) {
      case SEGMENTING -> showBusy();
      case FAILED -> showFailure();
      case DONE -> showResult(maxFileBytes);
    }
  }

  /** {@code listener} hears every change the user makes to the case here (label, mask, threshold). */
  void onChange(Runnable listener) {
    this.onChange = listener;
  }

  /** {@code listener} hears "Use this threshold for all images" with the threshold. */
  void onApplyToAll(java.util.function.DoubleConsumer listener) {
    this.onApplyToAll = listener;
  }

  public ImageCase imageCase() {
    return imageCase;
  }

  /**
   * The row of buttons by the downloads; report buttons go here (they read {@link #imageCase()}).
   */
  public HorizontalLayout actions() {
    return actions;
  }

  ThresholdOverlay overlay() {
    return overlay;
  }

  MetricsPanel metrics() {
    return metrics;
  }

  /** The case label as the field shows it, or null before segmentation. */
  String labelText() {
    return label == null ? null : label.getValue();
  }

  private void showBusy() {
    ProgressBar bar = new ProgressBar();
    bar.setIndeterminate(true);
    Div busy = new Div(new H2(imageCase.fileName()), new Span("Segmenting…"), bar,
        removeButton());
    busy.addClassName("case-busy");
    add(busy);
  }

  private void showFailure() {
    Span icon = new Span(VaadinIcon.WARNING.create());
    Div box = new Div(icon, new H2(imageCase.fileName()), new Span(imageCase.error()),
        removeButton());
    box.addClassName("case-failed");
    add(box);
  }

  private void showResult(long maxFileBytes) {
    Segmentation s = imageCase.segmentation();
    String stem = safe(imageCase.fileName());

    H2 title = new H2(imageCase.fileName());
    Span size = new Span(String.format(Locale.ROOT, "%d × %d px · segmented in %.0f ms by %s",
        s.width(), s.height(), s.inferenceMs(), s.model().name()));
    size.addClassName("case-sub");
    Div heading = new Div(title, size);
    heading.addClassName("case-heading");

    label = new TextField("Case label");
    label.setValue(imageCase.label());
    label.setValueChangeMode(ValueChangeMode.LAZY);
    label.setValueChangeTimeout(300);
    label.setManualValidation(true);
    label.addValueChangeListener(e -> {
      // Said in the field as it is typed, not only when a report is asked for.
      int length = e.getValue().strip().length();
      if (length > ReportRequest.MAX_CASE_LABEL) {
        label.setInvalid(true);
        label.setErrorMessage("At most " + ReportRequest.MAX_CASE_LABEL + " characters ("
            + length + " now); the reports keep the last label that fitted");
        return;
      }
      label.setInvalid(false);
      imageCase.setLabel(e.getValue());
      onChange.run();
    });
    label.setId("case-label");
    label.setWidth("18em");
    label.setHelperText("used in reports");

    List<String> tag = List.of(imageCase.uploadTag());
    Anchor overlayPng = Downloads.button("Overlay PNG", accounting.audited(AuditAction.DOWNLOAD,
        tag, "overlay.png", Downloads.png(stem + "-overlay.png", imageCase::overlayPicture)));
    overlayPng.setId("download-overlay");
    Anchor maskPng = Downloads.button("Mask PNG", accounting.audited(AuditAction.DOWNLOAD,
        tag, "mask.png", Downloads.png(stem + "-mask.png",
            () -> SegmentationImages.maskImage(s, imageCase.threshold(), imageCase.edits()))));
    maskPng.setId("download-mask");
    actions.add(overlayPng, maskPng, redactButton(), removeButton());
    actions.addClassName("case-actions");
    actions.setAlignItems(FlexComponent.Alignment.END);
    HorizontalLayout header = new HorizontalLayout(heading, label, actions);
    header.addClassName("case-header");
    header.setAlignItems(FlexComponent.Alignment.END);
    header.expand(heading);
    header.setWidthFull();

    // Original, overlay and heat map in one component: they zoom and pan together, and the
    // overlay is redrawn in the browser at every slider movement.
    overlay = new ThresholdOverlay();
    overlay.setId("overlay");
    overlay.setImageName(imageCase.fileName());
    overlay.setSources(Downloads.inlinePngBytes(stem + ".png", imageCase::displayPng),
        Downloads.inlinePngBytes(stem + "-probability.png", imageCase::probabilityPng));
    overlay.setHeatMap(Downloads.inlinePng(stem + "-heatmap.png",
        () -> SegmentationImages.heatMap(s)));
    overlay.setEditable(true);
    overlay.setEdits(imageCase.edits() == null ? "" : imageCase.edits().toText());
    overlay.setThreshold(imageCase.threshold());
    overlay.addThresholdChangedListener(e -> {
      imageCase.setThreshold(e.getValue());
      metrics.show(imageCase);
      onChange.run();
    });
    overlay.addEditsChangedListener(e -> {
      try {
        imageCase.setEdits(e.getEdits());
      } catch (IllegalArgumentException bad) {
        ui.error(bad.getMessage());
        return;
      }
      metrics.show(imageCase);
      onChange.run();
    });
    Button applyToAll = new Button("Use this threshold for all images", e -> {
      onApplyToAll.accept(imageCase.threshold());
    });
    applyToAll.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
    applyToAll.setId("apply-to-all");
    Div viewer = new Div(overlay, applyToAll);
    viewer.addClassName("viewer");

    metrics = new MetricsPanel();
    Div side = new Div(truthCard(maxFileBytes));
    side.addClassName("case-side");
    Div lower = new Div(metrics, side);
    lower.addClassName("case-lower");

    add(header, viewer, lower);
    showTruth();
    metrics.show(imageCase);
  }

  /**
   * The page's other images, for "apply to all images of this size", and who hears which images
   * got new redaction boxes (their pictures change).
   */
  void redactionScope(Supplier<List<ImageCase>> cases, Consumer<List<ImageCase>> redacted) {
    this.allCases = cases;
    this.onRedacted = redacted;
  }

  /** "Redact text…": opens the redaction editor on this image. */
  private Button redactButton() {
    redact = new Button(VaadinIcon.EYE_SLASH.create(), e -> openRedaction());
    redact.addThemeVariants(ButtonVariant.LUMO_SMALL);
    redact.setId("redact");
    showRedactionState();
    return redact;
  }

  RedactionDialog openRedaction() {
    int w = imageCase.image().getWidth();
    int h = imageCase.image().getHeight();
    List<ImageCase> sameSize = allCases.get().stream()
        .filter(c -> c != imageCase && c.isDone() && c.image().getWidth() == w
            && c.image().getHeight() == h)
        .toList();
    RedactionDialog dialog = new RedactionDialog(imageCase, sameSize, this::applyRedaction);
    dialog.open();
    return dialog;
  }

  private void applyRedaction(Redaction boxes, List<ImageCase> cases) {
    for (ImageCase c : cases) {
      c.setRedaction(boxes);
    }
    showRedactionState();
    // New sources: the viewer reloads its pictures when their URLs change.
    String stem = safe(imageCase.fileName());
    overlay.setSources(Downloads.inlinePngBytes(stem + ".png", imageCase::displayPng),
        Downloads.inlinePngBytes(stem + "-probability.png", imageCase::probabilityPng));
    onRedacted.accept(cases);
    onChange.run();
  }

  private void showRedactionState() {
    int boxes = imageCase.redaction().boxes().size();
    redact.setText(!imageCase.redactionConfirmed() ? "Redact text…"
        : boxes == 0 ? "Redact text… (none)" : "Redacted (" + boxes + ")…");
    redact.getElement().setAttribute("title", "Blank burned-in patient text in the image shown, "
        + "the overlay PNG and the reports");
  }

  /** "Remove image": takes this image, whatever its state, off the page. */
  private Button removeButton() {
    Button remove = new Button("Remove image", VaadinIcon.TRASH.create(), e -> onRemove.run());
    remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR,
        ButtonVariant.LUMO_TERTIARY);
    remove.setId("remove-image");
    return remove;
  }

  private Div truthCard(long maxFileBytes) {
    H3 title = new H3("Ground truth");
    Span help = new Span("Add this image's mask (black background, white polyp, the image's "
        + "size) to see Dice, IoU and its outline on the overlay.");
    help.addClassName("case-sub");
    Button addMask = new Button("Add mask…", VaadinIcon.PLUS.create());
    Upload upload = new Upload(Uploads.inMemory(maxFileBytes,
        (meta, bytes) -> receiveTruth(meta.fileName(), bytes)));
    upload.setId("truth-upload");
    upload.setMaxFiles(1);
    upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, maxFileBytes));
    upload.setAcceptedFileTypes(SegmentView.ACCEPTED_TYPES);
    upload.setUploadButton(addMask);
    upload.setDropLabel(new Span("or drop it here"));
    upload.addFileRejectedListener(e -> ui.error(e.getFileName() + ": " + e.getErrorMessage()));
    upload.addAllFinishedListener(e -> upload.clearFileList());
    truthName = new Span();
    truthName.setId("truth-name");
    removeTruth = new Button("Remove", VaadinIcon.CLOSE_SMALL.create(), e -> {
      imageCase.removeTruth();
      showTruth();
      metrics.show(imageCase);
      onChange.run();
      // The button hides itself: keep the focus in the card rather than on <body>.
      addMask.focus();
    });
    removeTruth.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
    HorizontalLayout current = new HorizontalLayout(truthName, removeTruth);
    current.addClassName("truth-current");
    current.setAlignItems(FlexComponent.Alignment.CENTER);
    Div card = new Div(title, help, upload, current);
    card.addClassName("truth-card");
    return card;
  }

  /**
   * Reads an uploaded ground-truth mask (any thread), checks that it is one, and attaches it on
   * the UI thread.
   */
  void receiveTruth(String fileName, byte[] bytes) {
    BufferedImage mask;
    boolean[] truth;
    try {
      mask = Images.readRgb(bytes, fileName, limits);
      truth = Masks.truth(mask, fileName);
    } catch (ImageReadException e) {
      ui.error(e.getMessage());
      return;
    }
    ui.access(() -> {
      try {
        imageCase.attachTruth(fileName, truth, mask.getWidth(), mask.getHeight());
      } catch (IllegalArgumentException e) {
        ui.error(e.getMessage());
        return;
      }
      showTruth();
      metrics.show(imageCase);
      onChange.run();
    });
  }

  private void showTruth() {
    boolean[] truth = imageCase.truth();
    if (truth == null) {
      overlay.setTruth(null);
      overlay.setDiceCurve(null);
      truthName.setText("No mask yet");
      removeTruth.setVisible(false);
    } else {
      int w = imageCase.image().getWidth();
      int h = imageCase.image().getHeight();
      overlay.setTruth(Downloads.inlinePng(safe(imageCase.fileName()) + "-truth.png",
          () -> truthImage(truth, w, h)));
      truthName.setText(imageCase.truthFileName());
      overlay.setDiceCurve(ThresholdCurve.dice(imageCase.segmentation().probabilities(), truth));
      removeTruth.setVisible(true);
    }
  }

  private static BufferedImage truthImage(boolean[] truth, int w, int h) {
    float[] values = new float[truth.length];
    for (int i = 0; i < truth.length; i++) {
      values[i] = truth[i] ? 1f : 0f;
    }
    return Images.greyImage(values, w, h);
  }

  /** A file-name stem safe for downloads. */
  static String safe(String fileName) {
    String stem = ImageCase.baseName(fileName).replaceAll("[^A-Za-z0-9._-]+", "_");
    return stem.isEmpty() ? "image" : stem;
  }
}
