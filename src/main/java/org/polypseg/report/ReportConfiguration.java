package org.polypseg.report;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Offers the {@link ReportService} to the web layer. Once the application is up, both templates
 * are checked in the background: a broken one is logged with its file name (reports then answer
 * with the same message), and the check loads the libraries so the first report is fast.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReportProperties.class)
public class ReportConfiguration {

  private static final Logger log = LoggerFactory.getLogger(ReportConfiguration.class);

  @Bean
  ReportService reportService(ReportProperties properties,
      @Value("${polypseg.model-dir:models}") Path modelDir) {
    return new ReportService(
        new ReportTemplates(properties.docxTemplate(), properties.pdfTemplate()), modelDir,
        properties.clinic() == null ? ReportProperties.Clinic.NONE : properties.clinic());
  }

  @Bean
  ApplicationListener<ApplicationReadyEvent> reportTemplateCheck(ReportService reports) {
    return event -> Thread.ofVirtual().name("report-template-check").start(() -> {
      for (ReportFormat format : ReportFormat.values()) {
        long start = System.nanoTime();
        try {
          reports.verifyTemplate(format);
          log.info("Report template ({}) checked in {} ms", format.extension(),
              (System.nanoTime() - start) / 1_000_000);
        } catch (ReportException e) {
          log.warn("{} reports will fail until this is fixed: {}", format, e.getMessage());
        }
      }
    });
  }
}
