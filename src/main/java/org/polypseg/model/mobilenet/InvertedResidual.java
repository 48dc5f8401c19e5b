package org.polypseg.model.mobilenet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.polypseg.model.tf.TfSameConv;

/**
 * MobileNetV2's inverted-residual block: expand (1×1, ReLU6; absent when the expansion is 1),
 * depthwise (3×3, groups = channels, ReLU6), project (1×1, linear), and out = in + project(...)
 * when the block keeps its stride and width (no activation after the add).
 */
final class InvertedResidual extends AbstractBlock {

  private static final byte VERSION = 1;

  private final TfSameConv expand;
  private final TfSameConv depthwise;
  private final TfSameConv project;
  private final boolean residual;

  InvertedResidual(int in, int out, int expansion, int stride) {
    super(VERSION);
    int hidden = in * expansion;
    expand = expansion == 1 ? null : addChildBlock("expand", new TfSameConv(hidden, 1, 1, 1, TfSameConv.Activation.RELU6));
    depthwise = addChildBlock("depthwise", new TfSameConv(hidden, 3, stride, hidden, TfSameConv.Activation.RELU6));
    project = addChildBlock("project", new TfSameConv(out, 1, 1, 1, TfSameConv.Activation.NONE));
    residual = stride == 1 && in == out;
  }

  /** The layers in network order with their array-name suffixes. */
  PairList<String, TfSameConv> layers() {
    PairList<String, TfSameConv> layers = new PairList<>();
    if (expand != null) {
      layers.add("expand", expand);
    }
    layers.add("depthwise", depthwise);
    layers.add("project", project);
    return layers;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    NDArray y = x;
    if (expand != null) {
      y = expand.forward(ps, new NDList(y), training).singletonOrThrow();
    }
    y = depthwise.forward(ps, new NDList(y), training).singletonOrThrow();
    y = project.forward(ps, new NDList(y), training).singletonOrThrow();
    return new NDList(residual ? y.add(x) : y);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape shape = inputShapes[0];
    if (expand != null) {
      expand.initialize(manager, dataType, shape);
      shape = expand.getOutputShapes(new Shape[] {shape})[0];
    }
    depthwise.initialize(manager, dataType, shape);
    shape = depthwise.getOutputShapes(new Shape[] {shape})[0];
    project.initialize(manager, dataType, shape);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape shape = inputShapes[0];
    if (expand != null) {
      shape = expand.getOutputShapes(new Shape[] {shape})[0];
    }
    shape = depthwise.getOutputShapes(new Shape[] {shape})[0];
    return project.getOutputShapes(new Shape[] {shape});
  }
}
