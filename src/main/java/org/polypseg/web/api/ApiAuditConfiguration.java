package org.polypseg.web.api;

import org.polypseg.web.audit.AuditLog;
import org.polypseg.web.fairuse.FairUseConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts {@link ApiAuditFilter} in front of the API, inside the sign-in and the rate limit. */
@Configuration(proxyBeanMethods = false)
public class ApiAuditConfiguration {

  @Bean
  FilterRegistrationBean<ApiAuditFilter> apiAuditFilter(AuditLog audit) {
    FilterRegistrationBean<ApiAuditFilter> registration =
        new FilterRegistrationBean<>(new ApiAuditFilter(audit));
    registration.addUrlPatterns("/api/*");
    registration.setOrder(FairUseConfiguration.FILTER_ORDER + 1);
    return registration;
  }
}
