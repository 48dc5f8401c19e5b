package org.polypseg.web.fairuse;

import org.polypseg.web.audit.AuditLog;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The rate limit on reports and clips, from {@code polypseg.rate-limit.*}: one allowance per
 * client, API and page.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FairUseProperties.class)
public class FairUseConfiguration {

  /**
   * After Spring Security's filter chain (order -100), which has signed the user in, and before
   * the API's audit filter, which reads the uploads.
   */
  public static final int FILTER_ORDER = 20;

  @Bean
  FairUse fairUse(FairUseProperties properties) {
    return new FairUse(properties);
  }

  @Bean
  FilterRegistrationBean<FairUseFilter> fairUseFilter(FairUse fairUse, AuditLog audit) {
    FilterRegistrationBean<FairUseFilter> registration =
        new FilterRegistrationBean<>(new FairUseFilter(fairUse, audit));
    registration.addUrlPatterns("/api/*");
    registration.setOrder(FILTER_ORDER);
    return registration;
  }
}
