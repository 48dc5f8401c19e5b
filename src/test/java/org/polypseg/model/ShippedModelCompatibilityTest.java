package org.polypseg.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.polypseg.quantum.CircuitBackend;
import org.polypseg.quantum.QuantumCircuitBlock;
import org.polypseg.quantum.StateVectorBackend;
import org.polypseg.quantum.StrangeBackend;

/**
 * The previously shipped MobileNetV2 model, kept in models/mobilenet_v2 (its model.json has no
 * circuit fields), loads with today's circuit and gives the same outputs as the code before the
 * circuit became configurable: the circuit's bit for bit, the probabilities to within
 * {@value #TOLERANCE} (inference now hands the network its input stored channels last, which
 * changes the order of some sums in the last bits). The reference was written by that code
 * ({@code -Dpolypseg.writeShippedReference=true}).
 */
@EnabledIf("shippedModelPresent")
class ShippedModelCompatibilityTest {

  /** Every 16th pixel is kept for the message; the SHA-256 covers all of them. */
  private static final int SAMPLE_STRIDE = 16;
  /** Largest difference allowed in a probability: float rounding, far below any threshold step. */
  private static final float TOLERANCE = 1e-6f;
  private static final Path MODELS = Path.of("models/mobilenet_v2");
  private static final Path REFERENCE =
      Path.of("src/test/resources/org/polypseg/model/shipped-model-reference.bin.gz");

  static boolean shippedModelPresent() {
    return Files.isRegularFile(MODELS.resolve(ModelStore.WEIGHTS_FILE));
  }

  @Test
  void shippedModelGivesTheSameOutputsAsBeforeTheCircuitWasConfigurable() throws Exception {
    double[] circuitStrange;
    double[] circuitStateVector;
    float[] probabilities;
    try (LoadedModel model = ModelStore.load(MODELS, new StrangeBackend())) {
      QuantumCircuitBlock circuit = model.network().circuit();
      double[] angles = {0.3, -1.1, 2.0, 0.7};
      circuitStrange = circuit(new StrangeBackend(), circuit, angles);
      circuitStateVector = circuit(new StateVectorBackend(), circuit, angles);
      probabilities = model.predictBatch(input(model.inputSize()), 1);
    }
    ByteBuffer actual = encode(circuitStrange, circuitStateVector, probabilities);
    if (Boolean.getBoolean("polypseg.writeShippedReference")) {
      try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(REFERENCE))) {
        out.write(actual.array());
      }
    }
    ByteBuffer expected = ByteBuffer.wrap(readGzip(REFERENCE)).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(expected.capacity()).isEqualTo(actual.capacity());
    for (int i = 0; i < circuitStrange.length; i++) {
      assertThat(circuitStrange[i]).as("Strange <Z_%d>", i).isEqualTo(expected.getDouble());
    }
    for (int i = 0; i < circuitStateVector.length; i++) {
      assertThat(circuitStateVector[i]).as("state vector <Z_%d>", i).isEqualTo(expected.getDouble());
    }
    expected.position(expected.position() + 32); // the whole map's SHA-256: bit-exact, not used
    int differing = 0;
    float maxDiff = 0;
    for (int i = 0; i < probabilities.length; i += SAMPLE_STRIDE) {
      float diff = Math.abs(probabilities[i] - expected.getFloat());
      maxDiff = Math.max(maxDiff, diff);
      if (diff > TOLERANCE) {
        differing++;
      }
    }
    assertThat(differing).as("sampled pixels more than %s off (largest difference %s)", TOLERANCE, maxDiff)
        .isZero();
  }

  private static double[] circuit(CircuitBackend backend, QuantumCircuitBlock block, double[] angles) {
    return backend.expectations(block.spec(), angles, block.weightValues());
  }

  private static byte[] sha256(float[] values) throws Exception {
    ByteBuffer bytes = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : values) {
      bytes.putFloat(v);
    }
    return MessageDigest.getInstance("SHA-256").digest(bytes.array());
  }

  private static byte[] readGzip(Path file) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      return in.readAllBytes();
    }
  }

  private static float[] input(int size) {
    Random random = new Random(23);
    float[] input = new float[3 * size * size];
    for (int i = 0; i < input.length; i++) {
      input[i] = (float) (random.nextDouble() * 2 - 1);
    }
    return input;
  }

  private static ByteBuffer encode(double[] a, double[] b, float[] p) throws Exception {
    int samples = (p.length + SAMPLE_STRIDE - 1) / SAMPLE_STRIDE;
    ByteBuffer buffer = ByteBuffer.allocate(8 * (a.length + b.length) + 32 + 4 * samples)
        .order(ByteOrder.LITTLE_ENDIAN);
    for (double v : a) {
      buffer.putDouble(v);
    }
    for (double v : b) {
      buffer.putDouble(v);
    }
    buffer.put(sha256(p));
    for (int i = 0; i < p.length; i += SAMPLE_STRIDE) {
      buffer.putFloat(p[i]);
    }
    buffer.flip();
    return buffer;
  }
}
