package org.polypseg.web;

import com.vaadin.flow.server.streams.DownloadHandler;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.polypseg.report.ReportException;
import org.polypseg.report.ReportFormat;
import org.polypseg.report.ReportItem;
import org.polypseg.report.ReportRequest;
import org.polypseg.report.ReportService;

/**
 * Report downloads of the page: the document is made when the browser asks for it, from the state
 * at that moment (the threshold the user settled on, the truth masks, the case label), so it always
 * matches what the page shows. A report that cannot be made is a notification, not a broken file.
 */
final class ReportDownloads {

  private final ReportService reports;
  private final UiContext ui;

  ReportDownloads(ReportService reports, UiContext ui) {
    this.reports = reports;
    this.ui = ui;
  }

  /** A one-image report on {@code imageCase}, labelled with its case label. */
  DownloadHandler single(ImageCase imageCase, ReportFormat format) {
    return handler(format, () -> List.of(imageCase), imageCase::label);
  }

  /** A batch report on every segmented image that {@code cases} returns, in upload order. */
  DownloadHandler batch(Supplier<List<ImageCase>> cases, ReportFormat format) {
    return handler(format, cases, () -> null);
  }

  private DownloadHandler handler(ReportFormat format, Supplier<List<ImageCase>> cases,
      Supplier<String> label) {
    return event -> {
      Report report;
      try {
        report = render(cases.get(), label.get(), format);
      } catch (ReportException | IllegalArgumentException e) {
        ui.error("The " + format.extension().toUpperCase(Locale.ROOT)
            + " report could not be made: " + e.getMessage());
        event.getResponse().setStatus(500);
        return;
      }
      event.setFileName(report.fileName());
      event.setContentType(format.mediaType());
      event.setContentLength(report.document().length);
      event.getOutputStream().write(report.document());
    };
  }

  /** A made report and the name it is saved under. */
  record Report(String fileName, byte[] document) {}

  /**
   * The report on the segmented ones of {@code cases}, each at its own threshold and with its truth.
   *
   * @throws IllegalArgumentException when none is segmented or the label is unusable
   * @throws ReportException when a template cannot be used
   */
  Report render(List<ImageCase> cases, String label, ReportFormat format) {
    List<ReportItem> items = cases.stream().filter(ImageCase::isDone)
        .map(ReportDownloads::item).toList();
    ReportRequest request = ReportRequest.of(label, items);
    return new Report(ReportService.fileName(request, format), reports.render(request, format));
  }

  static ReportItem item(ImageCase c) {
    return new ReportItem(c.fileName(), c.image(), c.segmentation(), c.threshold(), c.truth());
  }
}
