package org.polypseg.web.audit;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The audit log, from {@code polypseg.audit.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditProperties.class)
public class AuditConfiguration {

  @Bean(destroyMethod = "close")
  AuditLog auditLog(AuditProperties properties) {
    return new AuditLog(properties, Clock.systemUTC());
  }
}
