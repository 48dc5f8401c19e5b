package org.polypseg.model.efficientnet;

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
 * EfficientNet's mobile inverted bottleneck: expand (1×1, swish; absent when the expansion is 1),
 * depthwise (k×k, groups = channels, swish), {@link SqueezeExcitation} (squeezed to a quarter of the
 * block's input channels), project (1×1, linear), and out = in + project(...) when the block keeps
 * its stride and width (no activation after the add; no drop-connect: inference and fine-tuning
 * alike).
 */
final class MBConv extends AbstractBlock {

  private static final byte VERSION = 1;

  private final TfSameConv expand;
  private final TfSameConv depthwise;
  private final SqueezeExcitation se;
  private final TfSameConv project;
  private final boolean residual;

  MBConv(int in, int out, int expansion, int kernel, int stride) {
    super(VERSION);
    int hidden = in * expansion;
    expand = expansion == 1 ? null
        : addChildBlock("expand", new TfSameConv(hidden, 1, 1, 1, TfSameConv.Activation.SWISH));
    depthwise = addChildBlock("depthwise",
        new TfSameConv(hidden, kernel, stride, hidden, TfSameConv.Activation.SWISH));
    se = addChildBlock("se", new SqueezeExcitation(hidden, Math.max(1, in / 4)));
    project = addChildBlock("project", new TfSameConv(out, 1, 1, 1, TfSameConv.Activation.NONE));
    residual = stride == 1 && in == out;
  }

  /** The layers in network order with their array-name suffixes ({@code se.reduce} …). */
  PairList<String, TfSameConv> layers() {
    PairList<String, TfSameConv> layers = new PairList<>();
    if (expand != null) {
      layers.add("expand", expand);
    }
    layers.add("depthwise", depthwise);
    layers.add("se.reduce", se.reduce());
    layers.add("se.expand", se.expand());
    layers.add("project", project);
    return layers;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    NDList y = inputs;
    if (expand != null) {
      y = expand.forward(ps, y, training);
    }
    y = depthwise.forward(ps, y, training);
    y = se.forward(ps, y, training);
    NDArray out = project.forward(ps, y, training).singletonOrThrow();
    if (!residual) {
      return new NDList(out);
    }
    // In place outside training: the projection's output is this block's own (one map fewer to
    // allocate and write); autograd wants the sum as a new node in training.
    return new NDList(training ? out.add(x) : out.addi(x));
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape[] shape = inputShapes;
    if (expand != null) {
      expand.initialize(manager, dataType, shape);
      shape = expand.getOutputShapes(shape);
    }
    depthwise.initialize(manager, dataType, shape);
    shape = depthwise.getOutputShapes(shape);
    se.initialize(manager, dataType, shape);
    project.initialize(manager, dataType, shape);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape[] shape = inputShapes;
    if (expand != null) {
      shape = expand.getOutputShapes(shape);
    }
    return project.getOutputShapes(depthwise.getOutputShapes(shape));
  }
}
