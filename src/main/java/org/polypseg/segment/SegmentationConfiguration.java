package org.polypseg.segment;

import java.awt.image.BufferedImage;
import org.polypseg.model.LoadedModel;
import org.polypseg.model.ModelLoadException;
import org.polypseg.model.ModelStore;
import org.polypseg.quantum.CircuitBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loads the shipped model once at start-up and offers the {@link SegmentationService} built on it.
 * The web layer gets its segmentations from here and never reaches into {@code model/} itself.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PolypSegProperties.class)
public class SegmentationConfiguration {

  private static final Logger log = LoggerFactory.getLogger(SegmentationConfiguration.class);

  @Bean(destroyMethod = "close")
  LoadedModel loadedModel(PolypSegProperties properties) throws ModelLoadException {
    TorchThreads.configure(properties.inference());
    long start = System.nanoTime();
    LoadedModel model =
        ModelStore.load(properties.modelDir(), CircuitBackend.named(properties.quantumBackend()));
    log.info("Model '{}' loaded from {} in {} ms (weights sha256 {})", model.info().name(),
        properties.modelDir().toAbsolutePath(), (System.nanoTime() - start) / 1_000_000,
        model.sha256().substring(0, 12));
    return model;
  }

  @Bean
  SegmentationService segmentationService(LoadedModel model, PolypSegProperties properties) {
    SegmentationService service = new SegmentationService(model);
    // The first run of the network (and of the image code) is several times slower than the
    // rest; pay for it at start-up rather than on the first user's image. Full batches too, on
    // every worker's thread count, so that their memory is taken before the first busy minute and
    // their rates are in the log (the load test compares the server's throughput with them).
    long start = System.nanoTime();
    BufferedImage blank = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
    Segmentation warm = service.segment(blank);
    SegmentationImages.png(SegmentationImages.probabilityImage(warm));
    log.info("Model warmed up in {} ms", (System.nanoTime() - start) / 1_000_000);
    try {
      log.info("Inference at start-up: {}",
          StartupRate.measure(service, properties.inference()).describe(properties.inference()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      log.warn("Inference rates at start-up could not be measured", e);
    }
    return service;
  }

  @Bean
  ModelOverview modelOverview(
      LoadedModel model, SegmentationService service, PolypSegProperties properties) {
    return ModelOverview.of(model, service.model(), properties.modelDir());
  }
}
