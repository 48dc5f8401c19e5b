package org.polypseg.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.streams.DownloadEvent;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polypseg.web.audit.AuditAction;
import org.polypseg.web.audit.AuditLog;
import org.polypseg.web.audit.AuditProperties;
import org.polypseg.web.fairuse.FairUse;
import org.polypseg.web.fairuse.FairUseProperties;
import org.springframework.util.unit.DataSize;

/** A download from the page is served as before and written once to the audit log. */
class PageAccountingTest {

  @TempDir Path folder;

  @Test
  void aPageDownloadIsOneAuditLineWithItsTagAndWhatItWas() throws Exception {
    Path log = folder.resolve("audit.jsonl");
    PageAccounting accounting = loggingTo(log, 0);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    VaadinResponse response = mock(VaadinResponse.class);
    when(response.getOutputStream()).thenReturn(body);
    DownloadEvent event = new DownloadEvent(mock(VaadinRequest.class), response, null, null);

    accounting.audited(AuditAction.DOWNLOAD, List.of("upload-0badc0de"), "mask.png",
        Downloads.png("Patient-Smith-mask.png",
            () -> WebTestData.pair(32, 24, 1)[1])).handleDownloadRequest(event);

    assertThat(body.toByteArray()).startsWith(0x89, 'P', 'N', 'G');
    List<String> lines = Files.readAllLines(log);
    assertThat(lines).singleElement().asString().contains("\"action\":\"download\"",
        "\"uploads\":[\"upload-0badc0de\"]", "\"item\":\"mask.png\"", "\"outcome\":\"ok\"")
        .doesNotContain("Smith");
  }

  @Test
  void aCostlyDownloadOverTheAllowanceIsRefusedWith429AndTheWaitAndLogged() throws Exception {
    Path log = folder.resolve("audit.jsonl");
    PageAccounting accounting = loggingTo(log, 1);
    List<Long> told = new java.util.ArrayList<>();
    com.vaadin.flow.server.streams.DownloadHandler report = accounting.costly(AuditAction.REPORT,
        List.of("upload-0badc0de"), "pdf", told::add,
        event -> {
          event.getOutputStream().write(new byte[] {'%', 'P', 'D', 'F'});
          return true;
        });

    ByteArrayOutputStream first = new ByteArrayOutputStream();
    VaadinResponse served = mock(VaadinResponse.class);
    when(served.getOutputStream()).thenReturn(first);
    report.handleDownloadRequest(new DownloadEvent(mock(VaadinRequest.class), served, null, null));
    assertThat(first.toByteArray()).startsWith('%', 'P', 'D', 'F');

    ByteArrayOutputStream second = new ByteArrayOutputStream();
    VaadinResponse refused = mock(VaadinResponse.class);
    when(refused.getOutputStream()).thenReturn(second);
    report.handleDownloadRequest(new DownloadEvent(mock(VaadinRequest.class), refused, null, null));
    org.mockito.Mockito.verify(refused).setStatus(429);
    assertThat(second.toByteArray()).isEmpty();
    assertThat(told).singleElement().satisfies(s -> assertThat(s).isBetween(1L, 60L));
    assertThat(Files.readAllLines(log)).hasSize(2).last().asString()
        .contains("\"action\":\"report\"", "\"outcome\":\"rate-limited\"");
  }

  @Test
  void aCostlyDownloadThatAnswersItsOwnFailureIsLoggedAsFailed() throws Exception {
    Path log = folder.resolve("audit.jsonl");
    PageAccounting accounting = loggingTo(log, 0);
    VaadinResponse response = mock(VaadinResponse.class);
    accounting.costly(AuditAction.REPORT, List.of("upload-0badc0de"), "docx", seconds -> { },
        event -> {
          event.getResponse().setStatus(500);
          return false;
        }).handleDownloadRequest(new DownloadEvent(mock(VaadinRequest.class), response, null,
            null));

    assertThat(Files.readAllLines(log)).singleElement().asString()
        .contains("\"action\":\"report\"", "\"item\":\"docx\"", "\"outcome\":\"failed\"");
  }

  /** Accounting that writes its audit lines to {@code log}, with a per-minute allowance (0: none). */
  private static PageAccounting loggingTo(Path log, int requestsPerMinute) {
    return new PageAccounting(new AuditLog(new AuditProperties(true, log.toString(),
        DataSize.ofMegabytes(1), 1), Clock.systemUTC()),
        new FairUse(new FairUseProperties(requestsPerMinute, 1)));
  }
}
