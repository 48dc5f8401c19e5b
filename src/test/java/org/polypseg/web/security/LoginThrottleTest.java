package org.polypseg.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Back-off and lock-out of password guessing, on a clock the test moves by hand. */
class LoginThrottleTest {

  private static final SecurityProperties.Login SETTINGS = new SecurityProperties.Login(3,
      Duration.ofSeconds(1), 6, 10, Duration.ofMinutes(15));

  private final MovableClock clock = new MovableClock();
  private final LoginThrottle throttle = new LoginThrottle(SETTINGS, clock);

  @Test
  void waitsDoubleAfterTheFirstFailuresThenTheNameIsLockedOut() {
    for (int i = 0; i < 2; i++) {
      throttle.failed("alice", "10.0.0.1");
      assertThat(throttle.waitBefore("alice", "10.0.0.1")).as("after %d", i + 1).isEmpty();
    }
    throttle.failed("alice", "10.0.0.1"); // 3rd: wait 1 s
    assertThat(throttle.waitBefore("alice", "10.0.0.1")).hasValue(Duration.ofSeconds(1));
    clock.advance(Duration.ofMillis(1000));
    assertThat(throttle.waitBefore("alice", "10.0.0.1")).isEmpty();
    throttle.failed("alice", "10.0.0.1"); // 4th: 2 s
    assertThat(throttle.waitBefore("alice", "10.0.0.1")).hasValue(Duration.ofSeconds(2));
    clock.advance(Duration.ofSeconds(2));
    throttle.failed("alice", "10.0.0.1"); // 5th: 4 s
    assertThat(throttle.waitBefore("alice", "10.0.0.1")).hasValue(Duration.ofSeconds(4));
    clock.advance(Duration.ofSeconds(4));
    throttle.failed("alice", "10.0.0.1"); // 6th: locked out for 15 minutes
    assertThat(throttle.waitBefore("alice", "10.0.0.1")).hasValue(Duration.ofMinutes(15));
    // From another address too: the name is locked, whoever tries it.
    assertThat(throttle.waitBefore("Alice", "10.9.9.9")).hasValue(Duration.ofMinutes(15));
    // Other names from the same address are not.
    assertThat(throttle.waitBefore("bob", "10.0.0.1")).isEmpty();
    clock.advance(Duration.ofMinutes(15));
    assertThat(throttle.waitBefore("alice", "10.0.0.1")).isEmpty();
  }

  @Test
  void aSuccessStartsTheNameAfresh() {
    for (int i = 0; i < 3; i++) {
      throttle.failed("alice", "10.0.0.1");
    }
    clock.advance(Duration.ofSeconds(1));
    throttle.succeeded("alice");
    assertThat(throttle.failuresOf("alice")).isZero();
    throttle.failed("alice", "10.0.0.1");
    assertThat(throttle.waitBefore("alice", "10.0.0.1")).isEmpty();
  }

  @Test
  void unknownNamesAreCountedLikeRealOnesAndAnAddressTryingManyNamesIsLockedOut() {
    for (int i = 0; i < 10; i++) {
      assertThat(throttle.waitBefore("user" + i, "10.0.0.66")).isEmpty();
      throttle.failed("user" + i, "10.0.0.66");
    }
    assertThat(throttle.waitBefore("someone-else", "10.0.0.66")).hasValue(Duration.ofMinutes(15));
    assertThat(throttle.waitBefore("someone-else", "10.0.0.67")).isEmpty();
  }

  @Test
  void countsAreForgottenOnceTheirLockOutHasPassed() {
    for (int i = 0; i < 6; i++) {
      throttle.failed("mallory", "10.0.0.1");
    }
    clock.advance(Duration.ofMinutes(16));
    throttle.failed("someone", "10.0.0.2");
    assertThat(throttle.failuresOf("mallory")).isZero();
  }

  private static final class MovableClock extends Clock {
    private Instant now = Instant.parse("2026-12-02T08:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
