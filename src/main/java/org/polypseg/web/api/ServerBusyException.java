package org.polypseg.web.api;

import java.time.Duration;

/** The inference queue is full, or the image waited past the timeout: a 503 with Retry-After. */
public class ServerBusyException extends RuntimeException {

  private final Duration retryAfter;

  public ServerBusyException(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  /** When trying again makes sense. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
