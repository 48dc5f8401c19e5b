package org.polypseg.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ReportConfigurationTest {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner().withUserConfiguration(ReportConfiguration.class);

  @Test
  void offersAReportServiceWithTheDefaultTemplates() {
    context.run(ctx -> {
      assertThat(ctx).hasSingleBean(ReportService.class);
      ctx.getBean(ReportService.class).verifyTemplate(ReportFormat.DOCX);
    });
  }

  @Test
  void aConfiguredTemplateIsTheOneUsed() {
    context.withPropertyValues("polypseg.reports.pdf-template=/nowhere/clinic.properties")
        .run(ctx -> {
          assertThat(ctx.getBean(ReportProperties.class).pdfTemplate())
              .isEqualTo(Path.of("/nowhere/clinic.properties"));
          org.assertj.core.api.Assertions.assertThatThrownBy(
                  () -> ctx.getBean(ReportService.class).verifyTemplate(ReportFormat.PDF))
              .hasMessageContaining("/nowhere/clinic.properties: report template not found");
        });
  }
}
