package org.polypseg.web.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/**
 * A sign-in refused unchecked because of earlier failures (the back-off or the lock-out of
 * {@link LoginThrottle}). The same for known and unknown user names.
 */
public class SignInThrottledException extends AuthenticationException {

  private final Duration retryAfter;

  public SignInThrottledException(Duration retryAfter) {
    super("Too many failed sign-ins for this user name or from this address; try again in "
        + describe(retryAfter));
    this.retryAfter = retryAfter;
  }

  /** How long until the next attempt is checked. */
  public Duration retryAfter() {
    return retryAfter;
  }

  /** Whole seconds, rounded up, at least 1: for {@code Retry-After}. */
  public long retryAfterSeconds() {
    return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
  }

  private static String describe(Duration wait) {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    if (seconds < 120) {
      return seconds + " s";
    }
    return ((seconds + 59) / 60) + " minutes";
  }
}
