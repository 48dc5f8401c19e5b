package org.polypseg.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An exponential moving average of the network's weights over the optimiser's steps (the "EMA
 * model" of Polyak averaging): after step t, avg = d·avg + (1 − d)·w with d = min(decay,
 * (1 + t) / (10 + t)), so the first steps, far from any minimum, are forgotten quickly. The average
 * wanders less than the last step's weights between epochs, which steadies the validation Dice that
 * picks the checkpoint. BatchNorm's running statistics are averaged with the weights.
 *
 * <p>The trainer's parameter store holds the live arrays, so {@link #swapIn} copies the average into
 * them in place (for validation and saving) and {@link #swapOut} copies the live weights back.
 */
final class WeightAverage implements AutoCloseable {

  private static final String FILE = "average.params";

  private final float decay;
  private final List<NDArray> live = new ArrayList<>();
  private final List<NDArray> average = new ArrayList<>();
  private final List<NDArray> saved = new ArrayList<>();
  private final NDManager manager;
  private long steps;

  /** Starts the average at the network's current weights; the network must be initialised. */
  WeightAverage(Block network, float decay, NDManager parent) {
    if (!(decay > 0 && decay < 1)) {
      throw new IllegalArgumentException("weight average decay must be in (0, 1), was " + decay);
    }
    this.decay = decay;
    this.manager = parent.newSubManager();
    for (Parameter parameter : network.getParameters().values()) {
      NDArray array = parameter.getArray();
      live.add(array);
      average.add(copyOf(array));
    }
  }

  /** The decay of step {@code t} (counted from 0). */
  float decayAt(long t) {
    return Math.min(decay, (1f + t) / (10f + t));
  }

  /** Folds the weights after one optimiser step into the average. */
  void update() {
    float d = decayAt(steps++);
    try (NDManager scope = manager.newSubManager()) {
      for (int i = 0; i < live.size(); i++) {
        // A detached view of the live weights: no autograd graph grows from the average.
        NDArray weights = live.get(i).stopGradient();
        weights.attach(scope);
        average.get(i).muli(d).addi(weights.mul(1 - d));
      }
    }
  }

  /** Puts the average into the live arrays, keeping the live weights aside. */
  void swapIn() {
    if (!saved.isEmpty()) {
      throw new IllegalStateException("average already swapped in");
    }
    for (int i = 0; i < live.size(); i++) {
      saved.add(copyOf(live.get(i)));
      average.get(i).copyTo(live.get(i));
    }
  }

  /** Restores the live weights put aside by {@link #swapIn}. */
  void swapOut() {
    for (int i = 0; i < live.size(); i++) {
      saved.get(i).copyTo(live.get(i));
      saved.get(i).close();
    }
    saved.clear();
  }

  /** Writes the average and its step count into the checkpoint folder (replacing atomically). */
  void save(Path checkpoints) throws IOException {
    CheckpointFile.write(checkpoints.resolve(FILE), data -> {
      data.writeLong(steps);
      data.writeInt(average.size());
      for (NDArray array : average) {
        data.write(array.encode());
      }
    });
  }

  /**
   * Continues the average a checkpoint saved; without one (a checkpoint from a run without the
   * average) it starts afresh from the loaded weights.
   */
  boolean restore(Path checkpoints) throws IOException {
    Path file = checkpoints.resolve(FILE);
    try {
      return CheckpointFile.read(file, data -> {
        long savedSteps = data.readLong();
        int count = data.readInt();
        if (count != average.size()) {
          throw new IOException(file + ": " + count + " arrays, the network has " + average.size());
        }
        for (int i = 0; i < count; i++) {
          try (NDArray array = manager.decode(data)) {
            if (!array.getShape().equals(average.get(i).getShape())) {
              throw new IOException(file + ": array " + i + " is " + array.getShape()
                  + ", the network's " + average.get(i).getShape());
            }
            array.copyTo(average.get(i));
          }
        }
        steps = savedSteps;
      });
    } catch (RuntimeException e) {
      throw new IOException(file + ": not a weight average of this network (" + e.getMessage() + ")", e);
    }
  }

  /** A plain copy (no gradient) owned by this average. */
  private NDArray copyOf(NDArray array) {
    NDArray copy = manager.zeros(array.getShape(), array.getDataType());
    array.copyTo(copy);
    return copy;
  }

  @Override
  public void close() {
    manager.close();
  }
}
