package org.polypseg.web.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed sign-ins per user name and per client address, and says when the next attempt may
 * be made: after {@code backoffAfter} failures in a row it must wait (1 s, 2 s, 4 s, …), after
 * {@code maxFailures} the name (or after {@code maxFailuresPerAddress} the address) is locked for
 * {@code lockout}. A success clears its user name's count. Refused attempts are not counted, so an
 * attacker who keeps trying does not keep the real user out for longer than the lock-out.
 *
 * <p>In memory, like everything else the server keeps; the counts are forgotten once their
 * lock-out has passed, so the maps stay small however many names are tried.
 */
public final class LoginThrottle {

  private record Failures(int count, Instant last) {}

  private final SecurityProperties.Login settings;
  private final Clock clock;
  private final Map<String, Failures> byUser = new ConcurrentHashMap<>();
  private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();

  public LoginThrottle(SecurityProperties.Login settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * How long the attempt must wait, or empty when it may be checked now.
   *
   * @param username as typed (compared without regard to case)
   * @param address the client's address, or null when unknown
   */
  public Optional<Duration> waitBefore(String username, String address) {
    Instant now = clock.instant();
    Duration wait = max(userWait(byUser.get(key(username)), now),
        addressWait(address == null ? null : byAddress.get(address), now));
    return wait.isPositive() ? Optional.of(wait) : Optional.empty();
  }

  /** Records a wrong password or an unknown user name. */
  public void failed(String username, String address) {
    Instant now = clock.instant();
    forgetExpired(now);
    byUser.merge(key(username), new Failures(1, now),
        (old, one) -> new Failures(old.count() + 1, now));
    if (address != null) {
      byAddress.merge(address, new Failures(1, now),
          (old, one) -> new Failures(old.count() + 1, now));
    }
  }

  /** Records a successful sign-in: the user name starts afresh. */
  public void succeeded(String username) {
    byUser.remove(key(username));
  }

  /** Failures in a row now counted against {@code username}. */
  public int failuresOf(String username) {
    Failures f = byUser.get(key(username));
    return f == null ? 0 : f.count();
  }

  private Duration userWait(Failures f, Instant now) {
    if (f == null || f.count() < settings.backoffAfter()) {
      return Duration.ZERO;
    }
    Duration wait;
    if (f.count() >= settings.maxFailures()) {
      wait = settings.lockout();
    } else {
      int doublings = Math.min(30, f.count() - settings.backoffAfter());
      wait = settings.backoffInitial().multipliedBy(1L << doublings);
      if (wait.compareTo(settings.lockout()) > 0) {
        wait = settings.lockout();
      }
    }
    return Duration.between(now, f.last().plus(wait));
  }

  private Duration addressWait(Failures f, Instant now) {
    if (f == null || f.count() < settings.maxFailuresPerAddress()) {
      return Duration.ZERO;
    }
    return Duration.between(now, f.last().plus(settings.lockout()));
  }

  /** Drops counts whose last failure is older than the lock-out: nothing of them is in force. */
  private void forgetExpired(Instant now) {
    Instant horizon = now.minus(settings.lockout());
    byUser.values().removeIf(f -> f.last().isBefore(horizon));
    byAddress.values().removeIf(f -> f.last().isBefore(horizon));
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static String key(String username) {
    return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
  }
}
