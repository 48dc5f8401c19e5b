package org.polypseg.quantum;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Finite shots: each run draws {@code shots} bit strings from another backend's exact outcome
 * distribution and estimates every observable as the mean of its ±1 eigenvalue over the shots,
 * as a device would. The estimate is unbiased with standard error √((1 − ⟨O⟩²) / shots).
 *
 * <p>Seeded and reproducible: run k (counted from 0 since this backend was made) draws from its
 * own random stream, derived from the seed and k, so the same sequence of runs gives the same
 * estimates; runs from several threads interleave in an unspecified order.
 */
public final class SampledBackend implements CircuitBackend {

  private final CircuitBackend source;
  private final int shots;
  private final long seed;
  private final AtomicLong runs = new AtomicLong();

  /**
   * @param source the exact distribution to sample (state vector, Strange, or a noisy density
   *     matrix)
   * @param shots samples per run, at least 1
   * @param seed seed of the first run's random stream
   */
  public SampledBackend(CircuitBackend source, int shots, long seed) {
    if (shots < 1) {
      throw new IllegalArgumentException("shots " + shots + " is out of range: allowed 1 or more");
    }
    this.source = source;
    this.shots = shots;
    this.seed = seed;
  }

  public int shots() {
    return shots;
  }

  @Override
  public String name() {
    return source.name() + "+" + shots + "shots";
  }

  @Override
  public double[] probabilities(CircuitSpec spec, double[] gateAngles) {
    return source.probabilities(spec, gateAngles);
  }

  @Override
  public double[] run(CircuitSpec spec, double[] gateAngles) {
    double[] p = probabilities(spec, gateAngles);
    SplittableRandom random = new SplittableRandom(streamSeed(seed, runs.getAndIncrement()));
    int[] counts = sample(p, shots, random);
    int[] masks = spec.observables().masks(spec.qubits());
    double[] values = new double[masks.length];
    for (int s = 0; s < counts.length; s++) {
      if (counts[s] == 0) {
        continue;
      }
      for (int t = 0; t < masks.length; t++) {
        values[t] += (Integer.bitCount(s & masks[t]) & 1) == 0 ? counts[s] : -counts[s];
      }
    }
    for (int t = 0; t < values.length; t++) {
      values[t] /= shots;
    }
    return values;
  }

  /**
   * The seed of run k's stream. SplittableRandom streams whose seeds differ by a multiple of its
   * step overlap, shifted: so the seed is mixed into a 64-bit base, the run number added, and
   * mixed again (two seeds' runs meet only if their bases are a run count apart: chance ~2^-40).
   */
  static long streamSeed(long seed, long run) {
    return new SplittableRandom(new SplittableRandom(seed).nextLong() + run).nextLong();
  }

  /** How often each basis state came up in {@code shots} draws from {@code p}. */
  static int[] sample(double[] p, int shots, SplittableRandom random) {
    double[] cumulative = new double[p.length];
    double total = 0;
    for (int s = 0; s < p.length; s++) {
      total += Math.max(0, p[s]); // rounding can leave -1e-17
      cumulative[s] = total;
    }
    int[] counts = new int[p.length];
    for (int k = 0; k < shots; k++) {
      double u = random.nextDouble() * total;
      int lo = 0;
      int hi = p.length - 1;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (cumulative[mid] > u) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      counts[lo]++;
    }
    return counts;
  }
}
