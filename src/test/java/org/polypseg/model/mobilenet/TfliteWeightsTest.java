package org.polypseg.model.mobilenet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polypseg.model.mobilenet.PretrainedWeights.PretrainedArray;

/**
 * {@link PretrainedWeights} against the shared, independently made {@code weights.npz}, and its
 * refusals of bad files. The shared folder sits beside the clone ({@code ../shared}); without it
 * the tests that need the real file are skipped.
 */
class TfliteWeightsTest {

  static final Path SHARED = Path.of("../shared/pretrained/mobilenet_v2_imagenet");
  static final Path TFLITE = SHARED.resolve(PretrainedWeights.EXPECTED_FILE);
  static final String SHA256 = "5d3137241276e79c86d14a74fe43581398ae0e815191d3dba45495b810840e8c";
  /** Where the FlatBuffer of that file ends (its operator codes come last) and a zip begins. */
  static final int FLATBUFFER_END = 4_048_352;

  static PretrainedWeights weights;  // read once: the file is 4 MB

  @TempDir Path dir;

  @BeforeAll
  static void read() throws Exception {
    if (Files.isRegularFile(TFLITE)) {
      long start = System.nanoTime();
      weights = PretrainedWeights.readTflite(TFLITE);
      System.out.printf("read %s in %.0f ms%n", TFLITE, (System.nanoTime() - start) / 1e6);
    }
  }

  static void assumeShared() {
    assumeTrue(weights != null, "no " + TFLITE.toAbsolutePath());
  }

  /**
   * Every array equals weights.npz in name, order, shape and value. Criterion, per element:
   * |a - b| <= 1e-6 * |b| (so a zero must stay exactly zero). Both sides compute
   * float(double(scale) * q), so the difference is expected to be exactly 0.
   */
  @Test
  void everyArrayMatchesWeightsNpz() throws Exception {
    assumeShared();
    Map<String, Npy> npz = readNpz(SHARED.resolve("weights.npz"));
    assertThat(npz).hasSize(106);
    assertThat(weights.arrays().keySet()).containsExactlyElementsOf(npz.keySet());
    double maxRelative = 0;
    long compared = 0;
    for (PretrainedArray a : weights.arrays().values()) {
      Npy expected = npz.get(a.name());
      assertThat(a.shape()).as(a.name()).containsExactly(expected.shape());
      assertThat(a.values()).as(a.name()).hasSize(expected.values().length);
      for (int i = 0; i < a.values().length; i++) {
        double got = a.values()[i];
        double want = expected.values()[i];
        double diff = Math.abs(got - want);
        if (diff > 1e-6 * Math.abs(want)) {
          throw new AssertionError(a.name() + "[" + i + "] = " + got + ", weights.npz " + want);
        }
        maxRelative = Math.max(maxRelative, want == 0 ? 0 : diff / Math.abs(want));
        compared++;
      }
    }
    System.out.printf("compared %d values of 106 arrays: max relative difference %.3g%n",
        compared, maxRelative);
    assertThat(compared).isEqualTo(3_489_097);  // the manifest's parameter count
  }

  @Test
  void layoutsNamesAndProvenance() {
    assumeShared();
    assertThat(weights.sha256()).isEqualTo(SHA256);
    assertThat(weights.source()).isEqualTo(TFLITE);
    assertThat(weights.get("stem.conv.weight").shape()).containsExactly(32, 3, 3, 3);
    assertThat(weights.get("blocks.0.depthwise.weight").shape()).containsExactly(32, 1, 3, 3);
    assertThat(weights.get("blocks.3.expand.weight").shape()).containsExactly(144, 24, 1, 1);
    assertThat(weights.get("head.conv.weight").shape()).containsExactly(1280, 320, 1, 1);
    assertThat(weights.get("classifier.weight").shape()).containsExactly(1001, 1280);
    assertThat(weights.get("classifier.bias").shape()).containsExactly(1001);
    assertThat(weights.arrays()).doesNotContainKey("blocks.0.expand.weight");
    assertThatThrownBy(() -> weights.get("blocks.17.project.weight"))
        .hasMessageContaining("blocks.17.project.weight");
  }

  @Test
  void aMissingFileIsNamed() {
    Path missing = dir.resolve(PretrainedWeights.EXPECTED_FILE);
    assertThatThrownBy(() -> PretrainedWeights.readTflite(missing))
        .isInstanceOf(PretrainedWeightsException.class)
        .hasMessageContaining(missing.toString()).hasMessageContaining("no such file")
        .hasMessageContaining("expected tf2_mobilenet_v2_1.0_224_ptq.tflite from google-coral");
    assertThatThrownBy(() -> PretrainedWeights.readTflite(dir))
        .isInstanceOf(PretrainedWeightsException.class).hasMessageContaining("is a directory");
  }

  @Test
  void aTruncatedFileIsNamed() throws Exception {
    assumeShared();
    byte[] bytes = Files.readAllBytes(TFLITE);
    for (int length : new int[] {1000, bytes.length / 2, FLATBUFFER_END - 1}) {
      Path cut = write("cut-" + length + ".tflite", Arrays.copyOf(bytes, length));
      assertThatThrownBy(() -> PretrainedWeights.readTflite(cut))
          .isInstanceOf(PretrainedWeightsException.class)
          .hasMessageContaining(cut.toString()).hasMessageContaining("truncated");
    }
    Path tiny = write("tiny.tflite", Arrays.copyOf(bytes, 6));
    assertThatThrownBy(() -> PretrainedWeights.readTflite(tiny))
        .isInstanceOf(PretrainedWeightsException.class)
        .hasMessageContaining(tiny.toString()).hasMessageContaining("too short");
  }

  /**
   * The file ends with a zip (TFLite metadata's associated file imagenet_labels.txt) after the
   * FlatBuffer. The weights do not need it: cut there, the file reads the same.
   */
  @Test
  void theAppendedLabelsZipIsNotNeeded() throws Exception {
    assumeShared();
    byte[] bytes = Files.readAllBytes(TFLITE);
    assertThat(new String(bytes, FLATBUFFER_END, 4, StandardCharsets.ISO_8859_1))
        .isEqualTo("PK\u0003\u0004");
    PretrainedWeights cut = parse(Arrays.copyOf(bytes, FLATBUFFER_END));
    for (String name : weights.arrays().keySet()) {  // Arrays.equals: AssertJ's is quadratic
      assertThat(Arrays.equals(cut.get(name).values(), weights.get(name).values()))
          .as(name).isTrue();
    }
  }

  /** Cut anywhere in the FlatBuffer, the file fails with a PretrainedWeightsException only. */
  @Test
  void everyTruncationIsRefusedCleanly() throws Exception {
    assumeShared();
    byte[] bytes = Files.readAllBytes(TFLITE);
    Random random = new Random(1);
    for (int i = 0; i < 40; i++) {
      int length = i < 20 ? 8 + random.nextInt(20_000) : random.nextInt(FLATBUFFER_END);
      byte[] cut = Arrays.copyOf(bytes, length);
      assertThat(catchThrowable(() -> parse(cut))).as("cut at %d", length)
          .isInstanceOf(PretrainedWeightsException.class);
    }
  }

  @Test
  void aFileThatIsNotTfliteIsNamed() throws Exception {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
        0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    Path file = write("picture.tflite", png);
    assertThatThrownBy(() -> PretrainedWeights.readTflite(file))
        .isInstanceOf(PretrainedWeightsException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("not a TFLite file")
        .hasMessageContaining("TFL3");
  }

  /** Random bytes that even carry the identifier fail cleanly: every offset is checked. */
  @Test
  void randomBytesWithTheIdentifierAreRefusedCleanly() {
    Random random = new Random(2);
    for (int i = 0; i < 300; i++) {
      byte[] bytes = new byte[8 + random.nextInt(4000)];
      random.nextBytes(bytes);
      if (i % 2 == 0) {  // small offsets, so that some of them land inside the file
        for (int p = 0; p + 4 <= bytes.length; p += 4) {
          bytes[p + 1] = bytes[p + 2] = bytes[p + 3] = 0;
          bytes[p] &= (byte) 0x3f;
        }
      }
      System.arraycopy("TFL3".getBytes(StandardCharsets.US_ASCII), 0, bytes, 4, 4);
      assertThat(catchThrowable(() -> parse(bytes))).as("seed 2, file %d", i)
          .isInstanceOf(PretrainedWeightsException.class);
    }
  }

  /** MobileNetV2 0.5-like: the real file with the stem's 32 output channels patched to 16. */
  @Test
  void anotherWidthIsNamed() throws Exception {
    assumeShared();
    byte[] bytes = Files.readAllBytes(TFLITE);
    // The stem's weight shape [32, 3, 3, 3] is the only int vector of length 4 with these values.
    List<Integer> at = find(bytes, 4, 32, 3, 3, 3);
    assertThat(at).hasSize(1);
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(at.getFirst() + 4, 16);
    Path file = write("mobilenet_v2_0.5.tflite", bytes);
    assertThatThrownBy(() -> PretrainedWeights.readTflite(file))
        .isInstanceOf(PretrainedWeightsException.class)
        .hasMessage(file + ": not MobileNetV2 1.0 (layer stem.conv has 16 output channels,"
            + " expected 32); expected tf2_mobilenet_v2_1.0_224_ptq.tflite from"
            + " google-coral/test_data");
  }

  /** A hand-built TFLite file: a MobileNetV1-like start (64 channels after the first block). */
  @Test
  void aMobileNetV1LikeFileIsNamed() throws Exception {
    Path file = write("mobilenet_v1.tflite", tinyModel(64));
    assertThatThrownBy(() -> PretrainedWeights.readTflite(file))
        .isInstanceOf(PretrainedWeightsException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("not MobileNetV2 1.0 (layer blocks.0.project has 64 output"
            + " channels, expected 16)");
  }

  /** A hand-built TFLite file whose three layers are right, but which stops there. */
  @Test
  void anotherNumberOfLayersIsNamed() throws Exception {
    Path file = write("three_layers.tflite", tinyModel(16));
    assertThatThrownBy(() -> PretrainedWeights.readTflite(file))
        .isInstanceOf(PretrainedWeightsException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("not MobileNetV2 1.0 (3 CONV_2D, DEPTHWISE_CONV_2D and"
            + " FULLY_CONNECTED operators, expected 53)");
  }

  /** The hand-built file itself reads as intended: the FlatBuffer writer below is sound. */
  @Test
  void theHandBuiltFileParses() throws Exception {
    TfliteFile file = TfliteFile.parse(tinyModel(16));
    assertThat(file.operators()).extracting(TfliteFile.Operator::builtinCode)
        .containsExactly(TfliteFile.CONV_2D, TfliteFile.DEPTHWISE_CONV_2D, TfliteFile.CONV_2D);
    TfliteFile.Tensor dw = file.tensors().get(4);
    assertThat(dw.name()).isEqualTo("dw");
    assertThat(dw.shape()).containsExactly(1, 3, 3, 32);
    assertThat(dw.quantizedDimension()).isEqualTo(3);
    assertThat(dw.scales()).hasSize(32);
    assertThat(file.data(dw).remaining()).isEqualTo(9 * 32);
  }

  // ---- helpers -------------------------------------------------------------------------------

  private Path write(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }

  private PretrainedWeights parse(byte[] bytes) throws Exception {
    return PretrainedWeights.readTflite(write("fuzz.tflite", bytes));
  }

  /** Positions (4-aligned) where the little-endian ints {@code values} occur. */
  private static List<Integer> find(byte[] bytes, int... values) {
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    List<Integer> at = new ArrayList<>();
    outer:
    for (int p = 0; p + 4 * values.length <= bytes.length; p += 4) {
      for (int i = 0; i < values.length; i++) {
        if (b.getInt(p + 4 * i) != values[i]) {
          continue outer;
        }
      }
      at.add(p);
    }
    return at;
  }

  record Npy(long[] shape, float[] values) {}

  /** weights.npz: an uncompressed zip of '<f4' C-order .npy files (format 1.0 to 3.0). */
  static Map<String, Npy> readNpz(Path npz) throws IOException {
    Map<String, Npy> arrays = new LinkedHashMap<>();
    try (ZipFile zip = new ZipFile(npz.toFile())) {
      for (ZipEntry entry : Collections.list(zip.entries())) {
        try (InputStream in = zip.getInputStream(entry)) {
          ByteBuffer b = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
          int major = b.get(6);
          int headerLength = major == 1 ? Short.toUnsignedInt(b.getShort(8)) : b.getInt(8);
          int start = major == 1 ? 10 : 12;
          String header = new String(b.array(), start, headerLength, StandardCharsets.US_ASCII);
          assertThat(header).contains("'descr': '<f4'").contains("'fortran_order': False");
          Matcher m = Pattern.compile("'shape': \\(([0-9, ]*)\\)").matcher(header);
          assertThat(m.find()).as(header).isTrue();
          long[] shape = Arrays.stream(m.group(1).split(","))
              .map(String::trim).filter(s -> !s.isEmpty()).mapToLong(Long::parseLong).toArray();
          float[] values = new float[(int) Arrays.stream(shape).reduce(1, (x, y) -> x * y)];
          b.position(start + headerLength).asFloatBuffer().get(values);
          arrays.put(entry.getName().replaceFirst("\\.npy$", ""), new Npy(shape, values));
        }
      }
    }
    return arrays;
  }

  /**
   * A three-layer TFLite model: stem conv 3→32 (3x3), depthwise 32 (3x3), 1x1 conv 32→out,
   * int8 per-channel weights, int32 biases. The first op code uses the old int8 field, the
   * second only the newer int32 builtin_code, as files of either age do.
   */
  static byte[] tinyModel(int out) {
    List<Fb.Table> tensors = new ArrayList<>();
    List<Fb.Table> buffers = new ArrayList<>();
    buffers.add(new Fb.Table());  // buffer 0: the empty sentinel
    tensors.add(tensor("input", new int[] {1, 224, 224, 3}, TfliteFile.INT8, 0, null, 0));
    int[][] weights = {{32, 3, 3, 3}, {1, 3, 3, 32}, {out, 1, 1, 32}};
    int[] axes = {0, 3, 0};
    String[] names = {"stem", "dw", "project"};
    for (int i = 0; i < 3; i++) {
      int[] w = weights[i];
      int channels = w[axes[i]];
      byte[] data = new byte[w[0] * w[1] * w[2] * w[3]];
      new Random(i).nextBytes(data);
      buffers.add(new Fb.Table(new Fb.Bytes(data)));
      tensors.add(tensor(names[i], w, TfliteFile.INT8, buffers.size() - 1, channels, axes[i]));
      buffers.add(new Fb.Table(new Fb.Bytes(new byte[4 * channels])));
      tensors.add(tensor(names[i] + "/bias", new int[] {channels}, TfliteFile.INT32,
          buffers.size() - 1, channels, 0));
      tensors.add(tensor(names[i] + "/out", new int[] {1, 112, 112, channels}, TfliteFile.INT8,
          0, null, 0));
    }
    List<Fb.Table> operators = new ArrayList<>();
    int[] opcodeIndex = {0, 1, 0};
    for (int i = 0; i < 3; i++) {
      int input = i * 3;
      operators.add(new Fb.Table(opcodeIndex[i], new Fb.Ints(input, input + 1, input + 2),
          new Fb.Ints(input + 3)));
    }
    Fb.Table conv = new Fb.Table((byte) TfliteFile.CONV_2D, null, 1);
    Fb.Table depthwise = new Fb.Table((byte) 0, null, 1, TfliteFile.DEPTHWISE_CONV_2D);
    Fb.Table subgraph = new Fb.Table(new Fb.Tables(tensors), new Fb.Ints(0), new Fb.Ints(9),
        new Fb.Tables(operators));
    Fb.Table model = new Fb.Table(3, new Fb.Tables(List.of(conv, depthwise)),
        new Fb.Tables(List.of(subgraph)), new Fb.Str("hand-built"), new Fb.Tables(buffers));
    return Fb.file(model, "TFL3");
  }

  /** A Tensor table; {@code channels} == null: not quantized. */
  private static Fb.Table tensor(String name, int[] shape, int type, int buffer, Integer channels,
      int axis) {
    Fb.Table quantization = null;
    if (channels != null) {
      float[] scales = new float[channels];
      Arrays.fill(scales, 0.01f);
      quantization = new Fb.Table(null, null, new Fb.Floats(scales),
          new Fb.Longs(new long[channels]), null, null, axis);
    }
    return new Fb.Table(new Fb.Ints(shape), (byte) type, buffer, new Fb.Str(name), quantization);
  }

  /**
   * A minimal FlatBuffer writer, front to back: each table's vtable is written just before it,
   * and its children after it, so that every uoffset points forward as the format requires.
   * Fields are null (absent), Byte, Integer (4 bytes), or a child object.
   */
  static final class Fb {
    sealed interface Child permits Table, Ints, Floats, Longs, Bytes, Str, Tables {}

    record Table(Object... fields) implements Child {}

    record Ints(int... values) implements Child {}

    record Floats(float... values) implements Child {}

    record Longs(long... values) implements Child {}

    record Bytes(byte[] values) implements Child {}

    record Str(String value) implements Child {}

    record Tables(List<Table> tables) implements Child {}

    private final ByteBuffer out = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);

    static byte[] file(Table root, String identifier) {
      Fb fb = new Fb();
      fb.out.putInt(0);  // root uoffset, patched below
      fb.out.put(identifier.getBytes(StandardCharsets.US_ASCII));
      fb.patch(0, fb.write(root));
      return Arrays.copyOf(fb.out.array(), fb.out.position());
    }

    private void patch(int slot, int target) {
      out.putInt(slot, target - slot);
    }

    private void align() {
      while (out.position() % 4 != 0) {
        out.put((byte) 0);
      }
    }

    /** Writes {@code child} at the (aligned) end and returns its position. */
    private int write(Child child) {
      align();
      int start = out.position();
      switch (child) {
        case Table t -> {
          return writeTable(t);
        }
        case Ints v -> {
          out.putInt(v.values().length);
          Arrays.stream(v.values()).forEach(out::putInt);
        }
        case Floats v -> {
          out.putInt(v.values().length);
          for (float f : v.values()) {
            out.putFloat(f);
          }
        }
        case Longs v -> {
          out.putInt(v.values().length);
          Arrays.stream(v.values()).forEach(out::putLong);
        }
        case Bytes v -> out.putInt(v.values().length).put(v.values());
        case Str s -> {
          byte[] utf8 = s.value().getBytes(StandardCharsets.UTF_8);
          out.putInt(utf8.length).put(utf8).put((byte) 0);
        }
        case Tables v -> {
          out.putInt(v.tables().size());
          int slots = out.position();
          v.tables().forEach(t -> out.putInt(0));
          for (int i = 0; i < v.tables().size(); i++) {
            patch(slots + 4 * i, write(v.tables().get(i)));
          }
        }
      }
      return start;
    }

    private int writeTable(Table t) {
      Object[] fields = t.fields();
      int[] offsets = new int[fields.length];
      int size = 4;  // the soffset to the vtable
      for (int i = 0; i < fields.length; i++) {
        if (fields[i] != null) {
          offsets[i] = size;
          size += 4;  // a Byte takes a padded slot of 4, the rest are 4 bytes
        }
      }
      int vtable = out.position();
      out.putShort((short) (4 + 2 * fields.length)).putShort((short) size);
      Arrays.stream(offsets).forEach(o -> out.putShort((short) o));
      align();
      int table = out.position();
      out.putInt(table - vtable);
      for (Object f : fields) {
        switch (f) {
          case null -> { }
          case Byte b -> out.put(b).put(new byte[3]);
          case Integer n -> out.putInt(n);
          default -> out.putInt(0);  // a child, patched below
        }
      }
      for (int i = 0; i < fields.length; i++) {
        if (fields[i] instanceof Child c) {
          patch(table + offsets[i], write(c));
        }
      }
      return table;
    }
  }
}
