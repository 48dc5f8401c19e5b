package org.polypseg.web.api;

import java.time.Duration;

/**
 * The client already has as many images in the server as one user may
 * ({@code polypseg.inference.per-user-limit}): a 429 with Retry-After. Others are still served.
 */
public class OverQueueLimitException extends RuntimeException {

  private final Duration retryAfter;

  public OverQueueLimitException(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  /** When trying again makes sense. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
