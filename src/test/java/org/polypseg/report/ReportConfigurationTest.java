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

  @Test
  void theClinicHeaderComesFromTheSettings() {
    context.withPropertyValues("polypseg.reports.clinic.name=St Elsewhere Endoscopy Unit",
            "polypseg.reports.clinic.address[0]=12 High Street",
            "polypseg.reports.clinic.address[1]=Springfield")
        .run(ctx -> {
          ReportProperties.Clinic clinic = ctx.getBean(ReportProperties.class).clinic();
          assertThat(clinic.name()).isEqualTo("St Elsewhere Endoscopy Unit");
          assertThat(clinic.address()).containsExactly("12 High Street", "Springfield");
          byte[] pdf = ctx.getBean(ReportService.class)
              .render(ReportFixtures.single(), ReportFormat.PDF);
          assertThat(ReportDocuments.pdfTextWithDecoration(pdf))
              .contains("St Elsewhere Endoscopy Unit", "12 High Street \u00b7 Springfield");
        });
  }
}
