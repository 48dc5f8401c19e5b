package org.polypseg.train;

import ai.djl.training.tracker.ParameterTracker;
import ai.djl.training.tracker.Tracker;
import java.util.Set;

/**
 * Two learning rates from one schedule: the pretrained encoder's parameters get {@code factor} ×
 * the rate of the new layers, so fine-tuning adapts the ImageNet features without washing them out
 * while the decoder, the circuit and the head learn at the full rate.
 */
final class LayerRates implements ParameterTracker {

  private final Tracker schedule;
  private final Set<String> slowParameterIds;
  private final float factor;

  LayerRates(Tracker schedule, Set<String> slowParameterIds, float factor) {
    this.schedule = schedule;
    this.slowParameterIds = slowParameterIds;
    this.factor = factor;
  }

  @Override
  public float getNewValue(String parameterId, int numUpdate) {
    float rate = schedule.getNewValue(numUpdate);
    return slowParameterIds.contains(parameterId) ? rate * factor : rate;
  }
}
