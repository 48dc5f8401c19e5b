package org.polypseg.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.server.streams.DownloadEvent;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polypseg.web.audit.AuditAction;

/** A download from the page is served as before and written once to the audit log. */
class PageAccountingTest {

  @TempDir Path folder;

  @Test
  void aPageDownloadIsOneAuditLineWithItsTagAndWhatItWas() throws Exception {
    Path log = folder.resolve("audit.jsonl");
    PageAccounting accounting = WebTestData.accountingLoggingTo(log, 0);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    DownloadEvent event = WebTestData.download(body);

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
    PageAccounting accounting = WebTestData.accountingLoggingTo(log, 1);
    List<Long> told = new java.util.ArrayList<>();
    com.vaadin.flow.server.streams.DownloadHandler report = accounting.costly(AuditAction.REPORT,
        List.of("upload-0badc0de"), "pdf", told::add,
        event -> {
          event.getOutputStream().write(new byte[] {'%', 'P', 'D', 'F'});
          return true;
        });

    ByteArrayOutputStream first = new ByteArrayOutputStream();
    report.handleDownloadRequest(WebTestData.download(first));
    assertThat(first.toByteArray()).startsWith('%', 'P', 'D', 'F');

    ByteArrayOutputStream second = new ByteArrayOutputStream();
    DownloadEvent refused = WebTestData.download(second);
    report.handleDownloadRequest(refused);
    org.mockito.Mockito.verify(refused.getResponse()).setStatus(429);
    assertThat(second.toByteArray()).isEmpty();
    assertThat(told).singleElement().satisfies(s -> assertThat(s).isBetween(1L, 60L));
    assertThat(Files.readAllLines(log)).hasSize(2).last().asString()
        .contains("\"action\":\"report\"", "\"outcome\":\"rate-limited\"");
  }

  @Test
  void aCostlyDownloadThatAnswersItsOwnFailureIsLoggedAsFailed() throws Exception {
    Path log = folder.resolve("audit.jsonl");
    PageAccounting accounting = WebTestData.accountingLoggingTo(log, 0);
    accounting.costly(AuditAction.REPORT, List.of("upload-0badc0de"), "docx", seconds -> { },
        event -> {
          event.getResponse().setStatus(500);
          return false;
        }).handleDownloadRequest(WebTestData.download(new ByteArrayOutputStream()));

    assertThat(Files.readAllLines(log)).singleElement().asString()
        .contains("\"action\":\"report\"", "\"item\":\"docx\"", "\"outcome\":\"failed\"");
  }
}
