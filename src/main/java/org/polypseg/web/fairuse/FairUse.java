package org.polypseg.web.fairuse;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client (Bucket4j): {@code burst} requests at once, refilled at
 * {@code requestsPerMinute}. Shared by the API and the page, so a user has one allowance
 * whichever way they come.
 */
public final class FairUse {

  /** Buckets kept before full (idle) ones are dropped; a full bucket is the same as a new one. */
  private static final int MAX_CLIENTS = 10_000;

  private final FairUseProperties settings;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  public FairUse(FairUseProperties settings) {
    this.settings = settings;
  }

  /**
   * Takes one request from {@code client}'s allowance.
   *
   * @param client who is asking ({@code Actor.key()})
   * @return empty when served, else how long until the next request would be
   */
  public Optional<Duration> take(String client) {
    if (!settings.limited()) {
      return Optional.empty();
    }
    if (buckets.size() > MAX_CLIENTS) {
      buckets.values().removeIf(b -> b.getAvailableTokens() >= settings.burst());
    }
    ConsumptionProbe probe = buckets.computeIfAbsent(client, k -> newBucket()).tryConsumeAndReturnRemaining(1);
    return probe.isConsumed()
        ? Optional.empty()
        : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
  }

  private Bucket newBucket() {
    return Bucket.builder()
        .addLimit(Bandwidth.builder().capacity(settings.burst())
            .refillGreedy(settings.requestsPerMinute(), Duration.ofMinutes(1)).build())
        .build();
  }

}
