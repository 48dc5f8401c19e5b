package org.polypseg.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.polypseg.report.ReportService;
import org.polypseg.report.ReportTemplates;
import org.polypseg.web.WebTestData.RecordingContext;

/**
 * What the page's tests without a browser share: the segmentation page built with a colour
 * threshold for a model, and a UI context that runs its commands at once. A test fails when one
 * of those commands threw, even where nothing else would have shown it.
 */
abstract class PageTestSupport {

  protected final SegmentationJobs jobs = new SegmentationJobs(WebTestData.colourSegmenter());
  protected final UI ui = new UI();
  protected final RecordingContext context = new RecordingContext(ui);
  protected final ReportService reports = new ReportService(ReportTemplates.defaults(), null);
  protected SegmentView view;

  @BeforeEach
  void setUpPage() {
    UI.setCurrent(ui);
    view = newView();
  }

  @AfterEach
  void tearDownPage() {
    jobs.close();
    UI.setCurrent(null);
    synchronized (context) {
      context.failures.forEach(Throwable::printStackTrace);
      assertThat(context.failures).as("exceptions in UI commands").isEmpty();
    }
  }

  /** A fresh page on the same services, as a reload builds it. */
  protected SegmentView newView() {
    return WebTestData.segmentView(jobs, reports, context);
  }

  /** Waits (at most 20 s) until no image of the page is still being segmented. */
  protected void awaitAllSettled() {
    WebTestData.awaitAllSettled(view, context);
  }
}
