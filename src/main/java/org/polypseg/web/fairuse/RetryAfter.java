package org.polypseg.web.fairuse;

import java.time.Duration;

/** The {@code Retry-After} value (RFC 9110: whole seconds) every refusal of the server tells. */
public final class RetryAfter {

  private RetryAfter() {}

  /**
   * Whole seconds, rounded up so that a client waiting them is not refused again, at least 1 (0
   * would invite an immediate retry).
   */
  public static long seconds(Duration wait) {
    return Math.max(1, (wait.toMillis() + 999) / 1000);
  }
}
