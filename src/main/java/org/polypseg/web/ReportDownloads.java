package org.polypseg.web;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.page.ExtendedClientDetails;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.polypseg.report.ReportException;
import org.polypseg.report.ReportFormat;
import org.polypseg.report.ReportItem;
import org.polypseg.report.ReportRequest;
import org.polypseg.report.ReportService;
import org.polypseg.web.audit.AuditAction;

/**
 * Report downloads of the page: the document is made when the browser asks for it, from the state
 * at that moment (the threshold the user settled on, the truth masks, the case label), so it always
 * matches what the page shows. A report that cannot be made is a notification, not a broken file.
 * Reports are dated in the browser's time zone (the server's when the browser did not say), and a
 * batch report lists the page's images that could not be segmented, with the reason.
 */
final class ReportDownloads {

  private final ReportService reports;
  private final UiContext ui;
  private final PageAccounting accounting;
  private final Runnable onReported;
  private final ZoneId zone;

  ReportDownloads(ReportService reports, UiContext ui, PageAccounting accounting) {
    this(reports, ui, accounting, () -> {});
  }

  /**
   * @param onReported run on the UI thread after a report was sent, once its images are marked as
   *     reported ({@link ImageCase#reported}): the page then stops asking before it is left
   */
  ReportDownloads(ReportService reports, UiContext ui, PageAccounting accounting,
      Runnable onReported) {
    this.reports = reports;
    this.ui = ui;
    this.accounting = accounting;
    this.onReported = onReported;
    // Made on the UI thread, where the browser's details are at hand; the download's request
    // thread has no UI.
    this.zone = browserZone(UI.getCurrent());
  }

  /** The time zone the browser reported (e.g. Europe/Berlin), or the server's. */
  static ZoneId browserZone(UI ui) {
    ExtendedClientDetails details = ui == null ? null : ui.getPage().getExtendedClientDetails();
    String id = details == null ? null : details.getTimeZoneId();
    if (id == null || id.isBlank()) {
      return ZoneId.systemDefault();
    }
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      return ZoneId.systemDefault();
    }
  }

  /** A one-image report on {@code imageCase}, labelled with its case label. */
  DownloadHandler single(ImageCase imageCase, ReportFormat format) {
    return handler(format, () -> List.of(imageCase), imageCase::label);
  }

  /**
   * A batch report on every segmented image that {@code cases} returns, in their order; the ones
   * that failed are listed as not analysed, with the reason.
   */
  DownloadHandler batch(Supplier<List<ImageCase>> cases, ReportFormat format) {
    return handler(format, cases, () -> null);
  }

  private DownloadHandler handler(ReportFormat format, Supplier<List<ImageCase>> cases,
      Supplier<String> label) {
    return event -> {
      // The state the report shows is the state at this moment; later changes stay unsaved.
      List<ImageCase> all = cases.get();
      List<ImageCase> included = all.stream().filter(ImageCase::isDone).toList();
      String what = "The " + format.extension().toUpperCase(Locale.ROOT) + " report";
      accounting.costly(AuditAction.REPORT,
              included.stream().map(ImageCase::uploadTag).toList(), format.extension(),
              seconds -> ui.error(PageAccounting.notMadeOverAllowance(what, seconds)),
              download -> send(download, all, included, label.get(), format, what))
          .handleDownloadRequest(event);
    };
  }

  /**
   * Makes and sends the report on {@code all}, then marks {@code included} as reported at the
   * revisions they had when it was made; a report that cannot be made is a message and a 500.
   */
  private boolean send(DownloadEvent event, List<ImageCase> all, List<ImageCase> included,
      String label, ReportFormat format, String what) throws IOException {
    int[] revisions = included.stream().mapToInt(ImageCase::revision).toArray();
    Report report;
    try {
      report = render(all, label, format);
    } catch (ReportException | IllegalArgumentException e) {
      ui.error(what + " could not be made: " + e.getMessage());
      event.getResponse().setStatus(500);
      return false;
    }
    event.setFileName(report.fileName());
    event.setContentType(format.mediaType());
    event.setContentLength(report.document().length);
    event.getOutputStream().write(report.document());
    ui.access(() -> {
      for (int i = 0; i < included.size(); i++) {
        included.get(i).reported(revisions[i]);
      }
      onReported.run();
    });
    return true;
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
    // A one-image report is about its image alone; a batch also names the files that failed.
    List<ReportRequest.Failure> failures = cases.size() < 2 ? List.of() : cases.stream()
        .filter(c -> c.status() == ImageCase.Status.FAILED)
        .map(c -> new ReportRequest.Failure(c.fileName(), reason(c))).toList();
    ReportRequest request = ReportRequest.of(label, items, zone, failures);
    return new Report(ReportService.fileName(request, format), reports.render(request, format));
  }

  /** The failure's message without the file name it starts with (the report has a column). */
  private static String reason(ImageCase c) {
    String error = c.error() == null ? "" : c.error();
    String prefix = c.fileName() + ": ";
    return error.startsWith(prefix) ? error.substring(prefix.length()) : error;
  }

  static ReportItem item(ImageCase c) {
    return new ReportItem(c.fileName(), c.image(), c.segmentation(), c.threshold(), c.truth(),
        c.redaction(), c.edits());
  }
}
