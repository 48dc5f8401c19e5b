package org.polypseg.testing;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.Map;
import org.polypseg.model.HybridUNet;
import org.polypseg.model.ModelInfo;
import org.polypseg.model.ModelSpec;
import org.polypseg.model.ModelStore;
import org.polypseg.quantum.StrangeBackend;

/** Model folders of a tiny plain U-Net with fresh weights, for tests that need one on disk. */
public final class TinyModels {

  private TinyModels() {}

  /** Saves a freshly initialised plain U-Net of {@code spec} (32² input) into {@code dir}. */
  public static void save(Path dir, ModelSpec spec) throws Exception {
    HybridUNet net = new HybridUNet(spec, new StrangeBackend());
    try (NDManager manager = NDManager.newBaseManager()) {
      net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 32, 32));
      ModelStore.save(dir, net, new ModelInfo("tiny", spec, Map.of()));
    }
  }
}
