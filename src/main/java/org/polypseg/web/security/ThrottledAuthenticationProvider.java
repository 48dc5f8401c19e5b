package org.polypseg.web.security;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The password check behind {@link LoginThrottle}: an attempt in back-off or lock-out is refused
 * without looking at the password; otherwise the delegate (user names and bcrypt hashes) decides
 * and the outcome is counted. A wrong password and an unknown user name are the same
 * {@link BadCredentialsException} with the same message (the delegate also spends the same bcrypt
 * time on an unknown name), so the answers do not tell which names exist.
 */
final class ThrottledAuthenticationProvider implements AuthenticationProvider {

  static final String WRONG_CREDENTIALS = "Wrong user name or password";

  private static final Logger log = LoggerFactory.getLogger(ThrottledAuthenticationProvider.class);

  private final AuthenticationProvider delegate;
  private final LoginThrottle throttle;
  private final SignInEvents events;

  ThrottledAuthenticationProvider(AuthenticationProvider delegate, LoginThrottle throttle,
      SignInEvents events) {
    this.delegate = delegate;
    this.throttle = throttle;
    this.events = events;
  }

  @Override
  public Authentication authenticate(Authentication attempt) {
    String username = attempt.getName();
    String address = addressOf(attempt);
    Optional<java.time.Duration> wait = throttle.waitBefore(username, address);
    if (wait.isPresent()) {
      events.refused(address, "throttled");
      throw new SignInThrottledException(wait.get());
    }
    Authentication result;
    try {
      result = delegate.authenticate(attempt);
    } catch (AuthenticationException e) {
      throttle.failed(username, address);
      int failures = throttle.failuresOf(username);
      events.refused(address, "failed");
      if (throttle.waitBefore(username, address).isPresent()) {
        log.warn("{} failed sign-ins in a row for one user name (last from {}); further attempts "
            + "wait or are locked out", failures, address);
      }
      throw new BadCredentialsException(WRONG_CREDENTIALS);
    }
    throttle.succeeded(username);
    return result;
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return delegate.supports(authentication);
  }

  private static String addressOf(Authentication attempt) {
    return attempt.getDetails() instanceof WebAuthenticationDetails details
        ? details.getRemoteAddress() : null;
  }

  /**
   * Where refused sign-ins are recorded (the audit log). Successful ones are not: every API
   * request signs in, and its own line names the user.
   */
  @FunctionalInterface
  interface SignInEvents {
    /**
     * @param address the client's
     * @param outcome {@code failed} or {@code throttled}; the name typed is not recorded (it may
     *     be a password typed into the wrong field)
     */
    void refused(String address, String outcome);
  }
}
