package org.polypseg.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * {@code polypseg.inference.*} as the start-up binds it: the defaults, and every out-of-range
 * queue or batching value stops the start-up with a message that names the setting and its range.
 */
class InferenceSettingsTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(PolypSegProperties.class)
  static class Settings {}

  private final ApplicationContextRunner context =
      new ApplicationContextRunner().withUserConfiguration(Settings.class);

  @Test
  void theDefaultsGiveAWorkerPerCoreEveryCoreToALoneBatchAndAFairQueue() {
    context.run(ctx -> {
      assertThat(ctx).hasNotFailed();
      PolypSegProperties.Inference inference = ctx.getBean(PolypSegProperties.class).inference();
      assertThat(inference).isEqualTo(PolypSegProperties.Inference.DEFAULTS);
      int cores = Runtime.getRuntime().availableProcessors();
      assertThat(inference.effectiveWorkers()).isEqualTo(cores);
      assertThat(inference.loneBatchThreads()).isEqualTo(cores);
      assertThat(inference.effectiveTorchThreads()).isEqualTo(1);
      assertThat(inference.perUserLimit()).isLessThan(inference.queueCapacity());
    });
  }

  @Test
  void settingsAreBoundFromTheirKebabCaseNames() {
    context.withPropertyValues("polypseg.inference.queue-capacity=10",
        "polypseg.inference.per-user-limit=3", "polypseg.inference.batch-size=4",
        "polypseg.inference.batch-wait=5ms").run(ctx -> {
          PolypSegProperties.Inference inference =
              ctx.getBean(PolypSegProperties.class).inference();
          assertThat(inference.queueCapacity()).isEqualTo(10);
          assertThat(inference.perUserLimit()).isEqualTo(3);
          assertThat(inference.batchSize()).isEqualTo(4);
          assertThat(inference.batchWait()).isEqualTo(Duration.ofMillis(5));
        });
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "queue-capacity=0      | polypseg.inference.queue-capacity must be from 1 to 10000; was 0",
      "queue-capacity=-3     | polypseg.inference.queue-capacity must be from 1 to 10000; was -3",
      "per-user-limit=0      | polypseg.inference.per-user-limit must be from 1 to 64",
      "per-user-limit=65     | polypseg.inference.per-user-limit must be from 1 to 64 (at most "
          + "polypseg.inference.queue-capacity); was 65",
      "batch-size=0          | polypseg.inference.batch-size must be from 1 to 64; was 0",
      "batch-size=-1         | polypseg.inference.batch-size must be from 1 to 64; was -1",
      "batch-size=65         | polypseg.inference.batch-size must be from 1 to 64; was 65",
      "batch-wait=-1ms       | polypseg.inference.batch-wait must be from 0 to less than "
          + "polypseg.inference.timeout (30000 ms); was -1 ms",
      "batch-wait=31s        | polypseg.inference.batch-wait must be from 0 to less than "
          + "polypseg.inference.timeout (30000 ms); was 31000 ms",
      "workers=-1            | polypseg.inference.workers must be from 0 to 64",
      "timeout=0s            | polypseg.inference.timeout must be more than 0"})
  void anOutOfRangeValueStopsTheStartUpNamingTheSettingAndItsRange(String setting,
      String message) {
    context.withPropertyValues("polypseg.inference." + setting.trim()).run(ctx -> {
      assertThat(ctx).hasFailed();
      Throwable root = ctx.getStartupFailure();
      while (root.getCause() != null) {
        root = root.getCause();
      }
      assertThat(root).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(message.trim());
      // What Spring Boot prints at start-up names the whole group too.
      assertThat(ctx.getStartupFailure()).hasStackTraceContaining("polypseg.inference");
    });
  }

  @Test
  void aBatchWaitOverAShorterTimeoutIsRefused() {
    context.withPropertyValues("polypseg.inference.timeout=1s",
        "polypseg.inference.batch-wait=2s").run(ctx -> assertThat(ctx.getStartupFailure())
            .hasStackTraceContaining("polypseg.inference.batch-wait must be from 0 to less than "
                + "polypseg.inference.timeout (1000 ms); was 2000 ms"));
  }
}
