package org.polypseg.web;

import org.polypseg.segment.PolypSegProperties;
import org.polypseg.segment.SegmentationService;
import org.polypseg.web.audit.AuditLog;
import org.polypseg.web.fairuse.FairUse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.polypseg.report.ReportService;
import org.polypseg.video.ClipReportMaker;
import org.polypseg.video.VideoJobs;
import org.polypseg.video.VideoProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/** Wires the web layer to the segmentation service. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VideoProperties.class)
public class WebConfiguration {

  private static final Logger log = LoggerFactory.getLogger(WebConfiguration.class);

  @Bean(destroyMethod = "close")
  SegmentationJobs segmentationJobs(SegmentationService service, PolypSegProperties properties) {
    return new SegmentationJobs(Segmenter.batching(service), properties.imageLimits(),
        properties.inference());
  }

  @Bean
  PageAccounting pageAccounting(AuditLog audit, FairUse fairUse) {
    return new PageAccounting(audit, fairUse);
  }

  /** Clips share the images' inference pool; their results stay in memory until they expire. */
  @Bean(destroyMethod = "close")
  VideoJobs videoJobs(SegmentationJobs jobs, VideoProperties properties) {
    log.info("FFmpeg warmed up in {} ms", VideoJobs.warmUp());
    return new VideoJobs(new PooledFrameInference(jobs), properties);
  }

  @Bean
  ClipReportMaker clipReportMaker(ReportService reports, SegmentationJobs jobs,
      SegmentationService service) {
    return new ClipReportMaker(reports, new PooledFrameInference(jobs), service.model());
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
