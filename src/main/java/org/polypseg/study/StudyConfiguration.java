package org.polypseg.study;

import java.time.Clock;
import java.util.function.Predicate;
import org.polypseg.segment.Segmentation;
import org.polypseg.segment.SegmentationImages;
import org.polypseg.segment.SegmentationService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Annotation studies in the app: the database from {@code polypseg.studies.*} (opened here, not
 * by Spring Boot's DataSource auto-configuration, so that an unreachable database turns studies
 * off with a message instead of stopping the app), the model's masks from {@code segment/}, the
 * audit from whoever implements {@link StudyAudit} (the web layer), and the accounts that may
 * annotate.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StudyProperties.class)
public class StudyConfiguration {

  /** The threshold of the model's mask that annotators start from, as on the page. */
  static final double MODEL_THRESHOLD = 0.5;

  @Bean(destroyMethod = "close")
  StudyDatabase studyDatabase(StudyProperties properties) {
    return StudyDatabase.open(properties, Clock.systemUTC());
  }

  @Bean
  StudyService studyService(StudyDatabase database,
      ObjectProvider<SegmentationService> segmentation, ObjectProvider<StudyAudit> audit,
      ObjectProvider<UserDetailsService> users) {
    SegmentationService service = segmentation.getIfAvailable();
    ModelMasks model = service == null ? null : image -> {
      Segmentation s = service.segment(image);
      return new MaskImage(s.width(), s.height(),
          SegmentationImages.mask(s, MODEL_THRESHOLD, null));
    };
    UserDetailsService accounts = users.getIfAvailable();
    Predicate<String> known = accounts == null ? name -> true : name -> {
      try {
        return accounts.loadUserByUsername(name) != null;
      } catch (UsernameNotFoundException e) {
        return false;
      }
    };
    return new StudyService(database, model, audit.getIfAvailable(() -> StudyAudit.NONE), known,
        Clock.systemUTC());
  }
}
