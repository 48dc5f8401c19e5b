package org.polypseg.web;

import org.polypseg.segment.PolypSegProperties;
import org.polypseg.segment.SegmentationService;
import org.polypseg.web.audit.AuditLog;
import org.polypseg.web.fairuse.FairUse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/** Wires the web layer to the segmentation service. */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

  private static final Logger log = LoggerFactory.getLogger(WebConfiguration.class);

  @Bean(destroyMethod = "close")
  SegmentationJobs segmentationJobs(SegmentationService service, PolypSegProperties properties) {
    return new SegmentationJobs(service::segment, properties.imageLimits(), properties.inference());
  }

  @Bean
  PageAccounting pageAccounting(AuditLog audit, FairUse fairUse) {
    return new PageAccounting(audit, fairUse);
  }

  /** Says where to point the browser once everything, the model included, is ready. */
  @EventListener
  void ready(ApplicationReadyEvent event) {
    String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port");
    if (port != null) {
      log.info("polypseg is ready: open http://localhost:{}/ (API: /api/segmentations, "
          + "docs: /swagger-ui.html)", port);
    }
  }
}
