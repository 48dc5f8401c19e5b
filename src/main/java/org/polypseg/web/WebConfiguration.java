package org.polypseg.web;

import org.polypseg.segment.PolypSegProperties;
import org.polypseg.segment.SegmentationService;
import org.polypseg.study.FrameImport;
import org.polypseg.study.StudyProperties;
import org.polypseg.study.StudyService;
import org.polypseg.web.security.NetworkExposure;
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
import org.springframework.core.env.Environment;

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

  /**
   * Frames for studies from server folders and clips, clips held to the video page's limits
   * ({@code polypseg.video.*}). Without {@code polypseg.studies.server-folders}, owners may read
   * any folder only while the server serves this machine alone: {@code server.address} loopback
   * (the default), decided as the login check decides it ({@link NetworkExposure#isLoopback}).
   */
  @Bean
  FrameImport frameImport(StudyService studies, StudyProperties studyProperties,
      VideoProperties video, Environment environment) {
    return new FrameImport(studies, studyProperties.serverFolders(),
        NetworkExposure.isLoopback(environment.getProperty("server.address")), video.limits());
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
