package org.polypseg.train;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import ai.djl.util.PairList;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.polypseg.model.ImageTensors;
import org.polypseg.model.PretrainedMobileNetUNet;

/**
 * Deep supervision for training only: a 1×1 conv on each of the decoder's first three stages
 * (strides 16, 8, 4) gives side logits, up-sampled to the input, that the loss scores against the
 * mask as well as the main output, so the coarse stages learn the polyp's shape directly (as PraNet
 * supervises its side outputs). In evaluation it returns the network's output alone, and the saved
 * model is the network without these heads: inference is unchanged.
 */
final class DeepSupervision extends AbstractBlock {

  private static final byte VERSION = 1;
  private static final String FILE = "side-heads.params";

  private final PretrainedMobileNetUNet network;
  private final List<Block> heads = new ArrayList<>();

  DeepSupervision(PretrainedMobileNetUNet network) {
    super(VERSION);
    this.network = addChildBlock("network", network);
    int[] channels = PretrainedMobileNetUNet.sideStageChannels();
    for (int i = 0; i < channels.length; i++) {
      heads.add(addChildBlock("side" + i,
          Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(1).build()));
    }
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    if (!training) {
      return network.forward(ps, inputs, false);
    }
    NDList stages = network.forwardStages(ps, inputs, true);
    int side = (int) inputs.singletonOrThrow().getShape().get(2);
    NDList out = new NDList(stages.getFirst());
    for (int i = 0; i < heads.size(); i++) {
      NDArray logits = heads.get(i).forward(ps, new NDList(stages.get(i + 1)), true).singletonOrThrow();
      out.add(ImageTensors.resizeBatch(logits, side));
    }
    return out;
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape in = inputShapes[0];
    network.initialize(manager, dataType, in);
    int[] channels = PretrainedMobileNetUNet.sideStageChannels();
    for (int i = 0; i < heads.size(); i++) {
      long s = in.get(2) >> (4 - i);
      heads.get(i).initialize(manager, dataType, new Shape(in.get(0), channels[i], s, s));
    }
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return network.getOutputShapes(inputShapes);
  }

  /** Writes the side heads into the checkpoint folder, so that a resumed run keeps them. */
  void saveHeads(Path checkpoints) throws IOException {
    CheckpointFile.write(checkpoints.resolve(FILE), data -> {
      for (Block head : heads) {
        head.saveParameters(data);
      }
    });
  }

  /** Loads the side heads a checkpoint saved; false when it has none (they start afresh). */
  boolean loadHeads(NDManager manager, Path checkpoints) throws IOException {
    Path file = checkpoints.resolve(FILE);
    return CheckpointFile.read(file, data -> {
      for (Block head : heads) {
        try {
          head.loadParameters(manager, data);
        } catch (MalformedModelException e) {
          throw new IOException(file + ": not the side heads of this network (" + e.getMessage() + ")", e);
        }
      }
    });
  }

  /**
   * The loss of every output: the main one's plus each side output's, equally weighted as in
   * PraNet's deep supervision.
   */
  static final class EveryOutput extends Loss {

    private final Loss base;

    EveryOutput(Loss base) {
      super(base.getName());
      this.base = base;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
      NDArray total = null;
      for (NDArray prediction : predictions) {
        NDArray one = base.evaluate(labels, new NDList(prediction));
        total = total == null ? one : total.add(one);
      }
      return total;
    }
  }
}
