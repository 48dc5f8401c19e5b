package org.polypseg.train;

import ai.djl.training.tracker.Tracker;

/**
 * Learning rate: linear warm-up for {@code warmupSteps}, then cosine decay to {@code finalRate} at
 * {@code totalSteps}. {@code offset} is the number of steps done before a resume, so a resumed run
 * continues the same curve (DJL's own trackers count from the optimizer's update count, which a new
 * optimizer starts at zero).
 */
public final class WarmupCosineSchedule implements Tracker {

  /**
   * Steps of linear ramp after a resume: Adam's moment estimates restart from zero, and at the
   * full rate the first updates undo much of the trained state (seen here: the loss jumped from
   * 0.91 to 1.3 after a resume without it).
   */
  public static final int RESUME_WARMUP_STEPS = 100;

  private final float baseRate;
  private final float finalRate;
  private final int warmupSteps;
  private final int totalSteps;
  private final int offset;

  public WarmupCosineSchedule(
      float baseRate, float finalRate, int warmupSteps, int totalSteps, int offset) {
    this.baseRate = baseRate;
    this.finalRate = finalRate;
    this.warmupSteps = warmupSteps;
    this.totalSteps = totalSteps;
    this.offset = offset;
  }

  /** The rate at global step {@code step} (0-based). */
  public float rateAt(int step) {
    if (step < warmupSteps) {
      return baseRate * (step + 1) / warmupSteps;
    }
    double progress = Math.min(1.0, (double) (step - warmupSteps) / Math.max(1, totalSteps - warmupSteps));
    return (float) (finalRate + (baseRate - finalRate) * 0.5 * (1 + Math.cos(Math.PI * progress)));
  }

  @Override
  public float getNewValue(int numUpdate) {
    // DJL counts updates from 1.
    float rate = rateAt(offset + Math.max(0, numUpdate - 1));
    if (offset > 0 && numUpdate < RESUME_WARMUP_STEPS) {
      rate *= (float) Math.max(1, numUpdate) / RESUME_WARMUP_STEPS;
    }
    return rate;
  }
}
