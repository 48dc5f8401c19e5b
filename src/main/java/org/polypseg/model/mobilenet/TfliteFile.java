package org.polypseg.model.mobilenet;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The few parts of a TensorFlow Lite model file that pretrained weights need: the tensors of the
 * main subgraph (shape, type, buffer, name, quantization), its operators in execution order and
 * the raw constant buffers.
 *
 * <p>A {@code .tflite} file is a FlatBuffer of TensorFlow's
 * {@code tensorflow/lite/schema/schema.fbs} (root table {@code Model}, file identifier
 * {@code "TFL3"}). This reader is written by hand because no flatc-generated TFLite classes are
 * published on Maven Central, and the TensorFlow Lite Java runtime would bring a native
 * interpreter only to read a few tables. FlatBuffers in brief: all
 * numbers little-endian; a reference to a table, vector or string is a uint32 offset relative to
 * where it is stored; a table starts with an int32 {@code table - vtable} and its vtable lists, per
 * field id, the field's offset inside the table (0 = absent, use the default); a vector is a uint32
 * length followed by its elements.
 *
 * <p>Every offset is bounds-checked, so a truncated or random file fails with a {@link Malformed}
 * that says what was being read and where, never with an {@link IndexOutOfBoundsException}.
 */
final class TfliteFile {

  // TensorType (schema.fbs).
  static final int FLOAT32 = 0;
  static final int INT32 = 2;
  static final int UINT8 = 3;
  static final int INT8 = 9;

  // BuiltinOperator (schema.fbs).
  static final int CONV_2D = 3;
  static final int DEPTHWISE_CONV_2D = 4;
  static final int FULLY_CONNECTED = 9;

  /** A tensor of subgraph 0; {@code scales} is empty when the tensor is not quantized. */
  record Tensor(int index, String name, int type, int[] shape, int buffer, float[] scales,
      long[] zeroPoints, int quantizedDimension) {
    long elements() {
      long n = 1;
      for (int d : shape) {
        n *= d;
      }
      return n;
    }
  }

  /** An operator; {@code builtinCode} is already resolved from its OperatorCode. */
  record Operator(int index, int builtinCode, int[] inputs, int[] outputs) {}

  /** The file is not a well-formed TFLite FlatBuffer; the message says what and where. */
  static final class Malformed extends Exception {
    Malformed(String message) {
      super(message);
    }
  }

  private final ByteBuffer bytes;
  private final List<Tensor> tensors;
  private final List<Operator> operators;
  private final int buffersVector;  // position of Model.buffers, read lazily by data()

  private TfliteFile(ByteBuffer bytes) throws Malformed {
    this.bytes = bytes;
    if (bytes.limit() < 8) {
      throw new Malformed("too short to be a TFLite file (" + bytes.limit() + " bytes)");
    }
    byte[] id = new byte[4];
    bytes.get(4, id);
    if (!Arrays.equals(id, "TFL3".getBytes(StandardCharsets.US_ASCII))) {
      throw new Malformed("not a TFLite file (no \"TFL3\" identifier at byte 4)");
    }
    int model = reference(0, "Model");
    int[] opcodes = resolveOpcodes(tables(field(model, 1, "Model.operator_codes"),
        "Model.operator_codes"));
    int[] subgraphs = tables(field(model, 2, "Model.subgraphs"), "Model.subgraphs");
    if (subgraphs.length == 0) {
      throw new Malformed("the model has no subgraph");
    }
    buffersVector = vector(field(model, 4, "Model.buffers"), 4, "Model.buffers");
    int buffers = bytes.getInt(buffersVector);

    int subgraph = subgraphs[0];
    int[] tensorTables = tables(field(subgraph, 0, "SubGraph.tensors"), "SubGraph.tensors");
    List<Tensor> ts = new ArrayList<>(tensorTables.length);
    for (int i = 0; i < tensorTables.length; i++) {
      ts.add(tensor(i, tensorTables[i], buffers));
    }
    tensors = List.copyOf(ts);

    int[] operatorTables = tables(field(subgraph, 3, "SubGraph.operators"), "SubGraph.operators");
    List<Operator> ops = new ArrayList<>(operatorTables.length);
    for (int i = 0; i < operatorTables.length; i++) {
      int t = operatorTables[i];
      long opcode = Integer.toUnsignedLong(scalarInt(t, 0, 0, "Operator.opcode_index"));
      if (opcode >= opcodes.length) {
        throw new Malformed("operator " + i + " has opcode_index " + opcode + " of "
            + opcodes.length + " operator codes");
      }
      int[] inputs = ints(field(t, 1, "Operator.inputs"), "Operator.inputs");
      int[] outputs = ints(field(t, 2, "Operator.outputs"), "Operator.outputs");
      for (int x : concat(inputs, outputs)) {
        if (x < -1 || x >= tensors.size()) {  // -1 marks an omitted optional input
          throw new Malformed("operator " + i + " refers to tensor " + x + " of "
              + tensors.size());
        }
      }
      ops.add(new Operator(i, opcodes[(int) opcode], inputs, outputs));
    }
    operators = List.copyOf(ops);
  }

  /** Parses {@code file} (the whole file's bytes; not copied). */
  static TfliteFile parse(byte[] file) throws Malformed {
    return new TfliteFile(ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN));
  }

  List<Tensor> tensors() {
    return tensors;
  }

  List<Operator> operators() {
    return operators;
  }

  /**
   * The constant data of {@code tensor}, little-endian, positioned at its first byte; empty for a
   * tensor without data (activations use buffer 0, the empty sentinel).
   */
  ByteBuffer data(Tensor tensor) throws Malformed {
    String what = "Model.buffers[" + tensor.buffer() + "] of tensor " + tensor.name();
    int buffer = reference(buffersVector + 4 + 4 * tensor.buffer(), what);
    int start;
    long length;
    int dataField = field(buffer, 0, what + ".data");
    long external = scalarLong(buffer, 1, what + ".offset");
    if (dataField != 0) {
      start = vector(dataField, 1, what + ".data");
      length = Integer.toUnsignedLong(bytes.getInt(start));
      start += 4;
    } else if (external > 1) {
      // Files over 2 GB keep data outside the FlatBuffer: offset from the file start, size.
      length = scalarLong(buffer, 2, what + ".size");
      if (length < 0 || external + length > bytes.limit()) {
        throw outside(what + " (external data)", external + Math.max(length, 0));
      }
      start = (int) external;
    } else {
      start = 0;
      length = 0;
    }
    return bytes.slice(start, (int) length).order(ByteOrder.LITTLE_ENDIAN);
  }

  private Tensor tensor(int index, int table, int buffers) throws Malformed {
    String name = string(field(table, 3, "Tensor.name"), "Tensor.name");
    String what = "tensor " + index + " (" + name + ")";
    int[] shape = ints(field(table, 0, what + ".shape"), what + ".shape");
    int type = scalarByte(table, 1, FLOAT32, what + ".type");
    int buffer = scalarInt(table, 2, 0, what + ".buffer");
    if (buffer < 0 || buffer >= buffers) {
      throw new Malformed(what + " refers to buffer " + Integer.toUnsignedString(buffer)
          + " of " + buffers);
    }
    float[] scales = {};
    long[] zeroPoints = {};
    int dimension = 0;
    int q = field(table, 4, what + ".quantization");
    if (q != 0) {
      int quant = reference(q, what + ".quantization");
      int scaleVector = field(quant, 2, what + ".quantization.scale");
      if (scaleVector != 0) {
        int v = vector(scaleVector, 4, what + ".quantization.scale");
        scales = new float[bytes.getInt(v)];
        for (int i = 0; i < scales.length; i++) {
          scales[i] = bytes.getFloat(v + 4 + 4 * i);
        }
      }
      int zeroVector = field(quant, 3, what + ".quantization.zero_point");
      if (zeroVector != 0) {
        int v = vector(zeroVector, 8, what + ".quantization.zero_point");
        zeroPoints = new long[bytes.getInt(v)];
        for (int i = 0; i < zeroPoints.length; i++) {
          zeroPoints[i] = bytes.getLong(v + 4 + 8 * i);
        }
      }
      dimension = scalarInt(quant, 6, 0, what + ".quantization.quantized_dimension");
    }
    return new Tensor(index, name, type, shape, buffer, scales, zeroPoints, dimension);
  }

  /**
   * Builtin code per OperatorCode. The original int8 field (id 0, now deprecated_builtin_code)
   * ran out of values at 127; newer files also write the int32 builtin_code (id 3). TFLite itself
   * takes the larger of the two, since older writers leave the new field at its default 0.
   */
  private int[] resolveOpcodes(int[] tables) throws Malformed {
    int[] codes = new int[tables.length];
    for (int i = 0; i < tables.length; i++) {
      int deprecated = scalarByte(tables[i], 0, 0, "OperatorCode.deprecated_builtin_code");
      codes[i] = Math.max(deprecated, scalarInt(tables[i], 3, 0, "OperatorCode.builtin_code"));
    }
    return codes;
  }

  // ---- FlatBuffers primitives, all bounds-checked -------------------------------------------

  /** Fails unless {@code [pos, pos + size)} lies inside the file. */
  private void check(long pos, long size, String what) throws Malformed {
    if (pos < 0 || size < 0 || pos + size > bytes.limit()) {
      throw outside(what, pos + size);
    }
  }

  private Malformed outside(String what, long end) {
    return new Malformed("truncated or corrupt TFLite file: " + what + " would end at byte "
        + end + ", past the end of the file (" + bytes.limit() + " bytes)");
  }

  /** Follows the uint32 offset stored at {@code pos} to the table, vector or string it names. */
  private int reference(int pos, String what) throws Malformed {
    check(pos, 4, what);
    long target = pos + Integer.toUnsignedLong(bytes.getInt(pos));
    check(target, 4, what);
    return (int) target;
  }

  /** Position of field {@code id} of {@code table}, or 0 when the field is absent. */
  private int field(int table, int id, String what) throws Malformed {
    check(table, 4, what + " (table)");
    long vtable = (long) table - bytes.getInt(table);
    check(vtable, 4, what + " (vtable)");
    int vtableSize = Short.toUnsignedInt(bytes.getShort((int) vtable));
    int tableSize = Short.toUnsignedInt(bytes.getShort((int) vtable + 2));
    check(vtable, vtableSize, what + " (vtable)");
    check(table, tableSize, what + " (table)");
    int slot = 4 + 2 * id;
    if (slot + 2 > vtableSize) {
      return 0;  // written by an older schema that did not have this field yet
    }
    int offset = Short.toUnsignedInt(bytes.getShort((int) vtable + slot));
    return offset == 0 ? 0 : table + offset;
  }

  private int scalarInt(int table, int id, int absent, String what) throws Malformed {
    int pos = field(table, id, what);
    if (pos == 0) {
      return absent;
    }
    check(pos, 4, what);
    return bytes.getInt(pos);
  }

  private long scalarLong(int table, int id, String what) throws Malformed {
    int pos = field(table, id, what);
    if (pos == 0) {
      return 0;
    }
    check(pos, 8, what);
    return bytes.getLong(pos);
  }

  private int scalarByte(int table, int id, int absent, String what) throws Malformed {
    int pos = field(table, id, what);
    if (pos == 0) {
      return absent;
    }
    check(pos, 1, what);
    return bytes.get(pos);
  }

  /** Follows the reference at {@code field} to a vector and checks that all its elements fit. */
  private int vector(int field, int elementSize, String what) throws Malformed {
    if (field == 0) {
      throw new Malformed("the file has no " + what);
    }
    int v = reference(field, what);
    check(v + 4L, Integer.toUnsignedLong(bytes.getInt(v)) * elementSize, what);
    return v;
  }

  /** A vector of ints; an absent vector reads as empty. */
  private int[] ints(int field, String what) throws Malformed {
    if (field == 0) {
      return new int[0];
    }
    int v = vector(field, 4, what);
    int[] values = new int[bytes.getInt(v)];
    for (int i = 0; i < values.length; i++) {
      values[i] = bytes.getInt(v + 4 + 4 * i);
    }
    return values;
  }

  /** A vector of tables, as the tables' positions. */
  private int[] tables(int field, String what) throws Malformed {
    int v = vector(field, 4, what);
    int[] tables = new int[bytes.getInt(v)];
    for (int i = 0; i < tables.length; i++) {
      tables[i] = reference(v + 4 + 4 * i, what + "[" + i + "]");
    }
    return tables;
  }

  private String string(int field, String what) throws Malformed {
    if (field == 0) {
      return "";
    }
    int v = vector(field, 1, what);
    return new String(bytes.array(), v + 4, bytes.getInt(v), StandardCharsets.UTF_8);
  }

  private static int[] concat(int[] a, int[] b) {
    int[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
