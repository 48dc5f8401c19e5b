package org.polypseg.model;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.polypseg.quantum.CircuitBackend;
import org.polypseg.quantum.CircuitSpec;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Saves and loads a model folder: {@code model.json} (architecture + training settings) and
 * {@code weights.params} (DJL's parameter format, BatchNorm running statistics included).
 */
public final class ModelStore {

  public static final String INFO_FILE = "model.json";
  public static final String WEIGHTS_FILE = "weights.params";

  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private ModelStore() {}

  /** Writes the block's weights and its description into {@code dir} (created if needed). */
  public static void save(Path dir, SegmentationNetwork network, ModelInfo info) throws IOException {
    Files.createDirectories(dir);
    Path weights = dir.resolve(WEIGHTS_FILE);
    Path tmp = dir.resolve(WEIGHTS_FILE + ".tmp");
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp));
        DataOutputStream data = new DataOutputStream(out)) {
      network.saveParameters(data);
    }
    // Replace atomically so an interrupted save never leaves a half-written model.
    Files.move(tmp, weights, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    JSON.writeValue(dir.resolve(INFO_FILE).toFile(), info);
  }

  /** Reads {@code model.json} only. */
  public static ModelInfo readInfo(Path dir) throws ModelLoadException {
    Path file = dir.resolve(INFO_FILE);
    if (!Files.isRegularFile(file)) {
      throw new ModelLoadException(file + ": model description not found", null);
    }
    try {
      return JSON.readValue(file.toFile(), ModelInfo.class);
    } catch (RuntimeException e) {
      throw new ModelLoadException(file + ": not a valid model description (" + e.getMessage() + ")", e);
    }
  }

  /** Builds the network described in {@code dir} and loads its weights into it. */
  public static LoadedModel load(Path dir, CircuitBackend inferenceBackend) throws ModelLoadException {
    ModelInfo info = readInfo(dir);
    Path weights = dir.resolve(WEIGHTS_FILE);
    if (!Files.isRegularFile(weights)) {
      throw new ModelLoadException(weights + ": model weights not found", null);
    }
    NDManager manager = NDManager.newBaseManager();
    SegmentationNetwork network = null;
    try {
      network = SegmentationNetwork.create(info.architecture(), inferenceBackend);
      int size = info.architecture().inputSize();
      network.initialize(manager, DataType.FLOAT32, new Shape(1, 3, size, size));
      Map<String, Shape> expected = shapes(network);
      boolean rest = loadParameters(network, manager, weights);
      checkShapes(dir, info.architecture(), expected, shapes(network));
      if (rest) {
        // DJL stops reading where the network ends: more weights than it has are said here.
        throw new ModelLoadException(mismatch(dir, info.architecture(), network, weights)
            .orElse(weights + " holds more parameters than the network " + dir.resolve(INFO_FILE)
                + " describes (" + describe(info.architecture()) + ")"), null);
      }
      return new LoadedModel(info, network, manager, sha256(weights));
    } catch (ModelLoadException e) {
      manager.close();
      throw e;
    } catch (IOException | MalformedModelException | RuntimeException e) {
      manager.close();
      Optional<String> placement = mismatch(dir, info.architecture(), network, weights);
      throw new ModelLoadException(placement.orElse(weights + ": corrupt, or not the weights of "
          + "the network " + dir.resolve(INFO_FILE) + " describes (" + describe(info.architecture())
          + "): " + e.getMessage()), e);
    }
  }

  /**
   * Loads {@code weights} into the initialised {@code network}.
   *
   * @return whether the file holds more than the network reads
   */
  private static boolean loadParameters(SegmentationNetwork network, NDManager manager, Path weights)
      throws IOException, MalformedModelException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(weights));
        DataInputStream data = new DataInputStream(in)) {
      network.loadParameters(manager, data);
      return data.read() != -1;
    }
  }

  /**
   * When the weights are those of the same network with its circuits placed elsewhere, the
   * message that names both placements; empty otherwise.
   *
   * @param network the network model.json describes, or null when it could not be built
   */
  private static Optional<String> mismatch(Path dir, ModelSpec spec, SegmentationNetwork network,
      Path weights) {
    for (CircuitPlacement other : CircuitPlacement.values()) {
      if (other == spec.placement() || ModelSpec.NO_MIXER.equals(spec.mixer())) {
        continue;
      }
      ModelSpec alternative = spec.withCircuit(spec.circuit().withPlacement(other));
      try (NDManager manager = NDManager.newBaseManager()) {
        SegmentationNetwork candidate = SegmentationNetwork.create(alternative, null);
        int size = spec.inputSize();
        candidate.initialize(manager, DataType.FLOAT32, new Shape(1, 3, size, size));
        Map<String, Shape> expected = shapes(candidate);
        if (!loadParameters(candidate, manager, weights) && expected.equals(shapes(candidate))) {
          return Optional.of(dir.resolve(INFO_FILE) + " does not match the weights: it places the "
              + (spec.quantum() ? "circuits" : spec.mixer() + " gates") + " at '" + spec.placement().label() + "'"
              + (network == null ? "" : " (" + gates(network) + ")") + ", but " + weights
              + " holds the same network with placement '" + other.label() + "' ("
              + gates(candidate) + "); set \"placement\" : \"" + other.label() + "\" in "
              + INFO_FILE + " if these are the weights you meant");
        }
      } catch (IOException | MalformedModelException | RuntimeException e) {
        // Not these weights either: the caller's message stands.
      }
    }
    return Optional.empty();
  }

  /** How many gates a network has and where, e.g. "4 circuits: bottleneck, decoder stage 1 …". */
  private static String gates(SegmentationNetwork network) {
    List<PlacedCircuit> circuits = network.circuits();
    if (circuits.isEmpty()) {
      return network.spec().placement() == CircuitPlacement.DECODER
          ? "dense gates at the bottleneck and after every decoder stage" : "a dense gate at the bottleneck";
    }
    return circuits.size() + (circuits.size() == 1 ? " circuit: " : " circuits: ")
        + String.join(", ", circuits.stream().map(PlacedCircuit::site).toList());
  }

  private static String describe(ModelSpec spec) {
    return (spec.pretrainedEncoder() ? spec.encoderName() + " encoder" : "plain encoder, " + spec.baseChannels()
        + " base channels, depth " + spec.depth()) + ", " + spec.inputSize() + "² input, mixer " + spec.mixer()
        + (spec.quantum() ? " (circuit: " + spec.circuitSpec().describe() + ")" : "")
        + (spec.placement() == CircuitPlacement.BOTTLENECK ? ""
            : ", placement " + spec.placement().label());
  }

  private static Map<String, Shape> shapes(SegmentationNetwork network) {
    Map<String, Shape> shapes = new LinkedHashMap<>();
    network.getParameters().forEach(p -> {
      if (p.getValue().isInitialized()) {
        shapes.put(p.getKey(), p.getValue().getArray().getShape());
      }
    });
    return shapes;
  }

  /**
   * DJL loads a parameter of another shape without a word; a model.json whose circuit does not
   * match its weights would then fail at the first image with an obscure message. Say it here.
   */
  private static void checkShapes(Path dir, ModelSpec spec, Map<String, Shape> expected,
      Map<String, Shape> loaded) throws ModelLoadException {
    // The circuit's own parameters first: their mismatch is the one to name.
    List<Map.Entry<String, Shape>> entries = new ArrayList<>(expected.entrySet());
    entries.sort(Comparator.comparingInt(e -> e.getKey().endsWith("circuitWeights") ? 0
        : e.getKey().contains("toScale") ? 1 : 2));
    for (Map.Entry<String, Shape> e : entries) {
      Shape actual = loaded.get(e.getKey());
      if (actual == null || actual.equals(e.getValue())) {
        continue;
      }
      String what;
      if (e.getKey().endsWith("circuitWeights") && spec.quantum()) {
        CircuitSpec circuit = spec.circuitSpec();
        what = "its circuit (" + circuit.describe() + ") has " + circuit.weightCount()
            + " trainable angles (2 per qubit and layer), but " + dir.resolve(WEIGHTS_FILE)
            + " holds " + actual.size() + " circuit angles";
      } else if (e.getKey().contains("toScale") && spec.quantum()) {
        CircuitSpec circuit = spec.circuitSpec();
        what = "its circuit's observables (" + circuit.observables().label() + " on "
            + circuit.qubits() + " qubits) give " + circuit.outputCount() + " values, but the "
            + "gate layer in " + dir.resolve(WEIGHTS_FILE) + " takes " + actual.get(actual.dimension() - 1);
      } else {
        what = "parameter " + e.getKey() + " should have shape " + e.getValue() + " but "
            + dir.resolve(WEIGHTS_FILE) + " holds " + actual;
      }
      throw new ModelLoadException(dir.resolve(INFO_FILE) + " does not match the weights: "
          + describe(spec) + "; " + what, null);
    }
  }

  /** SHA-256 of a file, lower-case hex. */
  public static String sha256(Path file) throws IOException {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      try (InputStream in = Files.newInputStream(file)) {
        byte[] buffer = new byte[1 << 16];
        int n;
        while ((n = in.read(buffer)) > 0) {
          digest.update(buffer, 0, n);
        }
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
