package org.polypseg.web;

import org.polypseg.segment.SegmentationService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the web layer to the segmentation service. */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

  @Bean(destroyMethod = "close")
  SegmentationJobs segmentationJobs(SegmentationService service) {
    return new SegmentationJobs(service::segment);
  }
}
