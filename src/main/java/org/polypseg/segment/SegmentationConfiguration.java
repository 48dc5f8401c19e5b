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
    // rest; pay for it at start-up rather than on the first user's image. A full batch too, so
    // that its memory is taken before the first busy minute, and its rate is in the log (the
    // load test compares the server's throughput under load with it).
    long start = System.nanoTime();
    BufferedImage blank = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
    Segmentation warm = service.segment(blank);
    SegmentationImages.png(SegmentationImages.probabilityImage(warm));
    log.info("Model warmed up in {} ms", (System.nanoTime() - start) / 1_000_000);
    int batch = properties.inference().batchSize();
    if (batch > 1) {
      java.util.List<BufferedImage> images = java.util.Collections.nCopies(batch, blank);
      java.util.List<float[]> inputs = java.util.Collections.nCopies(batch, service.input(blank));
      service.segmentBatch(images, inputs);
      long one = System.nanoTime();
      service.segment(blank);
      long many = System.nanoTime();
      service.segmentBatch(images, inputs);
      long end = System.nanoTime();
      log.info("Inference at start-up: 1 image {} ms ({} images/s); batch of {} {} ms "
          + "(batched rate {} images/s)", (many - one) / 1_000_000,
          String.format(java.util.Locale.ROOT, "%.1f", 1e9 / (many - one)), batch,
          (end - many) / 1_000_000,
          String.format(java.util.Locale.ROOT, "%.1f", batch * 1e9 / (end - many)));
    }
    return service;
  }

  @Bean
  ModelOverview modelOverview(
      LoadedModel model, SegmentationService service, PolypSegProperties properties) {
    return ModelOverview.of(model, service.model(), properties.modelDir());
  }
}
