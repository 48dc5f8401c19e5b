package org.polypseg.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import java.awt.image.BufferedImage;
import org.polypseg.image.FieldOfView;
import org.polypseg.image.Images;

/**
 * A trained network ready for inference. Thread-safe: every call works in its own NDManager scope,
 * which is closed before returning so no native memory outlives the call.
 */
public final class LoadedModel implements AutoCloseable {

  private final ModelInfo info;
  private final SegmentationNetwork network;
  private final NDManager manager;
  private final String sha256;
  private volatile boolean flipAveraging;
  private volatile boolean fieldOfView;
  private volatile int inputSize;

  LoadedModel(ModelInfo info, SegmentationNetwork network, NDManager manager, String sha256) {
    this.info = info;
    this.network = network;
    this.manager = manager;
    this.sha256 = sha256;
    this.flipAveraging = info.flipAveraging();
    this.fieldOfView = info.fieldOfView();
    this.inputSize = info.architecture().inputSize();
  }

  /**
   * Runs the network at another input side than it was trained at (the network is fully
   * convolutional, its bottleneck pooled): for measuring which size reads frames best.
   *
   * @throws IllegalArgumentException unless {@code side} is a multiple of 32 from 64 to 1024
   */
  public void setInputSize(int side) {
    if (side < 64 || side > 1024 || side % 32 != 0) {
      throw new IllegalArgumentException("input size " + side
          + " must be a multiple of 32 from 64 to 1024 (the network halves it five times)");
    }
    this.inputSize = side;
  }

  /** Whether each prediction averages the image's and its mirror image's probabilities. */
  public boolean flipAveraging() {
    return flipAveraging;
  }

  /** Overrides the model's own flip-averaging setting (for measuring with and without it). */
  public void setFlipAveraging(boolean on) {
    this.flipAveraging = on;
  }

  /** Whether probabilities outside the endoscope's field of view are set to 0. */
  public boolean fieldOfView() {
    return fieldOfView;
  }

  /** Overrides the model's own field-of-view setting (for measuring with and without it). */
  public void setFieldOfView(boolean on) {
    this.fieldOfView = on;
  }

  /**
   * The network's probabilities for {@code image} brought to the image's own size, with the
   * probabilities outside its field of view set to 0 when this model does so (the black frame
   * around the endoscope's view and the text and boxes drawn on it: only mucosa can be a polyp).
   * Every reader of the model's output goes through here, so that the page, the API, the reports,
   * the clips and {@code evaluate} report the same.
   *
   * @param small the map at the model's input side ({@link #inputSize()} squared), row-major
   * @return the map at the image's size, row-major
   */
  public float[] atImageSize(BufferedImage image, float[] small) {
    int size = inputSize;
    float[] map = Images.resizeMap(small, size, size, image.getWidth(), image.getHeight());
    if (fieldOfView) {
      FieldOfView.of(image).clearOutside(map);
    }
    return map;
  }

  public ModelInfo info() {
    return info;
  }

  public SegmentationNetwork network() {
    return network;
  }

  /** SHA-256 of the weights file, hex. */
  public String sha256() {
    return sha256;
  }

  /** The side images are resized to: the trained size unless {@link #setInputSize} changed it. */
  public int inputSize() {
    return inputSize;
  }

  /**
   * Polyp probability of every pixel of {@code image} resized to the input size.
   *
   * @return row-major probabilities in [0, 1], inputSize x inputSize
   */
  public float[] predict(BufferedImage image) {
    return predictBatch(ImageTensors.toInput(image, inputSize(), info.architecture().normalisation()), 1);
  }

  /**
   * Probabilities for {@code count} normalised inputs laid out one after another as (3, S, S).
   *
   * @return count x S x S probabilities, row-major per image
   */
  public float[] predictBatch(float[] inputs, int count) {
    int size = inputSize();
    try (NDManager scope = manager.newSubManager()) {
      NDArray x = channelsLast(scope.create(inputs, new Shape(count, 3, size, size)));
      if (!flipAveraging) {
        return probabilities(scope, x).toFloatArray();
      }
      // The image and its mirror in one batch; the mirror's map is flipped back before averaging.
      NDArray both = probabilities(scope, x.concat(x.flip(3), 0));
      NDArray direct = both.get(new NDIndex("0:{}", count));
      NDArray mirrored = both.get(new NDIndex("{}:", count)).flip(3);
      return direct.add(mirrored).div(2).toFloatArray();
    }
  }

  /**
   * The same (B, C, H, W) values stored channels last (NHWC in memory): oneDNN's convolutions read
   * and write that layout as it is, while with the default one every convolution converts its input
   * to its own blocked layout and its output back, a fifth of an EfficientNet-B0 pass here. The
   * layers after the first keep the layout (PyTorch's operators preserve it), and the values are
   * the same either way. Flattening the transposed view copies it, which is what makes it NHWC.
   */
  static NDArray channelsLast(NDArray x) {
    Shape s = x.getShape();
    return x.transpose(0, 2, 3, 1).reshape(s.get(0), -1)
        .reshape(s.get(0), s.get(2), s.get(3), s.get(1)).transpose(0, 3, 1, 2);
  }

  private NDArray probabilities(NDManager scope, NDArray x) {
    NDList out = network.forward(new ParameterStore(scope, false), new NDList(x), false);
    return Activation.sigmoid(out.singletonOrThrow());
  }

  @Override
  public void close() {
    manager.close();
  }
}
