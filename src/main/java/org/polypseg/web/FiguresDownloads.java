package org.polypseg.web;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.polypseg.segment.FiguresExport;
import org.polypseg.segment.ImageFigures;
import org.polypseg.segment.SegmentationImages;
import org.polypseg.web.audit.Actor;
import org.polypseg.web.audit.AuditAction;
import org.polypseg.web.audit.AuditLog;

/**
 * "Figures CSV", "Figures JSON" and "Masks ZIP": the per-image figures of the tab ({@link FiguresExport}), one
 * row per image in upload order, each at its own settled threshold; failed images are rows with
 * their error, images still being segmented are left out. Shown once there is an image; disabled
 * until one is segmented. Each download is written to the audit log.
 */
final class FiguresDownloads extends HorizontalLayout {

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmmss");

  private final Supplier<List<ImageCase>> cases;
  private final Supplier<UiContext> ui;
  private final PageAccounting accounting;
  private final Span text = new Span();
  private final Anchor csv;
  private final Anchor json;
  private final DownloadHandler csvDownload = handler("csv", FiguresExport.CSV_MEDIA_TYPE);
  private final DownloadHandler jsonDownload = handler("json", FiguresExport.JSON_MEDIA_TYPE);
  private final Anchor masks;

  /** @param ui the page's context, read when a download is asked for */
  FiguresDownloads(Supplier<List<ImageCase>> cases, Supplier<UiContext> ui,
      PageAccounting accounting) {
    this.cases = cases;
    this.ui = ui;
    this.accounting = accounting;
    csv = Downloads.button("Figures CSV", csvDownload);
    csv.setId("figures-csv");
    json = Downloads.button("Figures JSON", jsonDownload);
    json.setId("figures-json");
    masks = Downloads.button("Masks ZIP", this::masksZip);
    masks.setId("masks-zip");
    masks.getElement().setAttribute("title", "Every segmented image's mask (corrected by hand "
        + "where it was) at its threshold, as PNG named after the image: training data");
    addClassName("figures-downloads");
    setId("figures-downloads");
    setAlignItems(FlexComponent.Alignment.CENTER);
    add(text, csv, json, masks);
    setVisible(false);
  }

  /** Shows the buttons once there is an image, enabled once one is segmented. */
  void update() {
    List<ImageCase> all = cases.get();
    long done = all.stream().filter(ImageCase::isDone).count();
    setVisible(!all.isEmpty());
    boolean any = done > 0;
    for (Anchor anchor : List.of(csv, json, masks)) {
      // A disabled anchor loses its href: nothing to click until there is something to export.
      anchor.setEnabled(any);
    }
    text.setText(any ? "Figures of every image, one row each:"
        : "Figures: nothing to export until an image is segmented");
  }

  /** What "Figures CSV" (true) or "Figures JSON" sends. */
  DownloadHandler download(boolean csv) {
    return csv ? csvDownload : jsonDownload;
  }

  /** What "Masks ZIP" sends. */
  DownloadHandler masksDownload() {
    return this::masksZip;
  }

  boolean enabled() {
    return csv.isEnabled();
  }

  /** The rows a download would hold now: segmented and failed images, in upload order. */
  List<ImageFigures> rows() {
    return cases.get().stream().map(ImageCase::figures).filter(Objects::nonNull).toList();
  }

  private DownloadHandler handler(String extension, String mediaType) {
    return event -> {
      List<ImageCase> all = cases.get();
      List<ImageFigures> rows = rows();
      AuditLog.Entry audit = accounting.begin(AuditAction.DOWNLOAD, Actor.current())
          .uploads(all.stream().filter(c -> c.isDone() || c.status() == ImageCase.Status.FAILED)
              .map(ImageCase::uploadTag).toList())
          .item("figures." + extension);
      if (rows.stream().allMatch(r -> r.error() != null)) {
        // A button pressed as the last segmented image was removed: say so, send no empty file.
        audit.end("rejected");
        ui.get().error("Nothing to export yet: no image on the page is segmented");
        event.getResponse().setStatus(409);
        return;
      }
      byte[] body = (extension.equals("csv") ? FiguresExport.csv(rows) : FiguresExport.json(rows))
          .getBytes(StandardCharsets.UTF_8);
      audit.end("ok");
      event.setFileName("polypseg-figures-" + LocalDateTime.now().format(STAMP) + "." + extension);
      event.setContentType(mediaType + "; charset=UTF-8");
      event.setContentLength(body.length);
      event.getOutputStream().write(body);
    };
  }

  /**
   * The masks of every segmented image, each at its threshold with its hand corrections, as
   * "{image name}-mask.png" in a ZIP (a second image of the same name gets "-2", ...).
   */
  private void masksZip(com.vaadin.flow.server.streams.DownloadEvent event) throws IOException {
    List<ImageCase> done = cases.get().stream().filter(ImageCase::isDone).toList();
    AuditLog.Entry audit = accounting.begin(AuditAction.DOWNLOAD, Actor.current())
        .uploads(done.stream().map(ImageCase::uploadTag).toList())
        .item("masks.zip");
    if (done.isEmpty()) {
      audit.end("rejected");
      ui.get().error("No masks to export yet: no image on the page is segmented");
      event.getResponse().setStatus(409);
      return;
    }
    event.setFileName("polypseg-masks-" + LocalDateTime.now().format(STAMP) + ".zip");
    event.setContentType("application/zip");
    Set<String> names = new HashSet<>();
    try (ZipOutputStream zip = new ZipOutputStream(event.getOutputStream())) {
      for (ImageCase c : done) {
        String stem = CaseDetail.safe(c.fileName()) + "-mask";
        String name = stem + ".png";
        for (int n = 2; !names.add(name); n++) {
          name = stem + "-" + n + ".png";
        }
        zip.putNextEntry(new ZipEntry(name));
        zip.write(SegmentationImages.png(
            SegmentationImages.maskImage(c.segmentation(), c.threshold(), c.edits())));
        zip.closeEntry();
      }
    }
    audit.end("ok");
  }
}
