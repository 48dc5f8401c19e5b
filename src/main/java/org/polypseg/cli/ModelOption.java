package org.polypseg.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.polypseg.model.LoadedModel;
import org.polypseg.model.ModelLoadException;
import org.polypseg.model.ModelStore;
import org.polypseg.quantum.CircuitBackend;
import org.polypseg.quantum.CircuitExecution;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options every command that loads a model shares. */
final class ModelOption {

  @Option(names = "--model", description = "model folder (default: models/ of this project)")
  Path model;

  @Option(names = "--backend", defaultValue = "strange",
      description = "quantum backend for inference: strange or statevector (default: ${DEFAULT-VALUE})")
  String backend;

  @Mixin CircuitOptions circuit;

  @Option(names = "--flip-tta", negatable = true,
      description = "average each prediction with its mirror image's (default: as the model's model.json says)")
  Boolean flipAveraging;

  @Option(names = "--field-of-view", negatable = true,
      description = "report nothing outside the endoscope's field of view (default: as the model's"
          + " model.json says, yes when it says nothing)")
  Boolean fieldOfView;

  @Option(names = "--input-size", paramLabel = "PIXELS",
      description = "run the model at this input side, a multiple of 32 (default: the size it was trained at)")
  Integer inputSize;

  LoadedModel load() throws ModelLoadException {
    CircuitBackend circuitBackend;
    try {
      circuitBackend = CircuitBackend.named(backend);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
    LoadedModel loaded = ModelStore.load(resolve(), execution().backend(circuitBackend));
    if (flipAveraging != null) {
      loaded.setFlipAveraging(flipAveraging);
    }
    if (fieldOfView != null) {
      loaded.setFieldOfView(fieldOfView);
    }
    if (inputSize != null) {
      try {
        loaded.setInputSize(inputSize);
      } catch (IllegalArgumentException e) {
        loaded.close();
        throw new UserError("--input-size: " + e.getMessage());
      }
    }
    return loaded;
  }

  /** How the circuit runs: exact unless --shots or a noise option says otherwise. */
  CircuitExecution execution() {
    return circuit.execution();
  }

  /** --model, else ./models, else the models/ folder beside the jar's target/ folder. */
  Path resolve() {
    return resolve(model);
  }

  /** {@code model} if given, else ./models, else the models/ folder beside the jar's target/. */
  static Path resolve(Path model) {
    if (model != null) {
      return model;
    }
    Path local = Path.of("models");
    if (Files.isDirectory(local)) {
      return local;
    }
    try {
      Path jar = Path.of(ModelOption.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path beside = jar.getParent().getParent().resolve("models");
      if (Files.isDirectory(beside)) {
        return beside;
      }
    } catch (Exception e) {
      // fall through to the default, which gives a clear "not found" message
    }
    return local;
  }
}
