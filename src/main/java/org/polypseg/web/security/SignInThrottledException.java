package org.polypseg.web.security;

import java.time.Duration;
import org.polypseg.web.fairuse.RetryAfter;
import org.springframework.security.core.AuthenticationException;

/**
 * A sign-in refused unchecked because of earlier failures (the back-off or the lock-out of
 * {@link LoginThrottle}). The same for known and unknown user names.
 */
public class SignInThrottledException extends AuthenticationException {

  private final long retryAfterSeconds;

  public SignInThrottledException(Duration retryAfter) {
    this(RetryAfter.seconds(retryAfter));
  }

  private SignInThrottledException(long seconds) {
    super("Too many failed sign-ins for this user name or from this address; try again in "
        + (seconds < 120 ? seconds + " s" : ((seconds + 59) / 60) + " minutes"));
    this.retryAfterSeconds = seconds;
  }

  /** Seconds until the next attempt is checked, rounded up, at least 1: for Retry-After. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
