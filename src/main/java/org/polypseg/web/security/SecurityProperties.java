package org.polypseg.web.security;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login, under {@code polypseg.security.*}.
 *
 * @param enabled when true every page and API route needs a signed-in user (the page: the login
 *     view; the API: HTTP Basic); when false (the default) the app is open, and serves this machine
 *     only (see {@link NetworkExposure})
 * @param users who may sign in
 * @param allowAnonymousNetwork the explicit opt-out that lets the app serve a non-loopback address
 *     (for example {@code --server.address=0.0.0.0}) with login off; false by default, logged as a
 *     warning at start-up when true, and refused on a public address without TLS
 * @param idleTimeout with login on, a page that has seen no activity for this long is signed out
 *     (a warning shows a minute before); 15 minutes by default
 * @param login how password guessing is slowed down and then blocked
 */
@ConfigurationProperties("polypseg.security")
public record SecurityProperties(
    boolean enabled,
    List<User> users,
    boolean allowAnonymousNetwork,
    Duration idleTimeout,
    Login login) {

  private static final Pattern BCRYPT = Pattern.compile("^\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}$");

  @ConstructorBinding
  public SecurityProperties(
      @DefaultValue("false") boolean enabled,
      List<User> users,
      @DefaultValue("false") boolean allowAnonymousNetwork,
      @DefaultValue("15m") Duration idleTimeout,
      @DefaultValue Login login) {
    this.enabled = enabled;
    this.users = users == null ? List.of() : List.copyOf(users);
    this.allowAnonymousNetwork = allowAnonymousNetwork;
    this.idleTimeout = idleTimeout;
    this.login = login == null ? Login.DEFAULTS : login;
    if (enabled && this.users.isEmpty()) {
      throw new IllegalArgumentException("polypseg.security.enabled is true but no user is "
          + "configured: add polypseg.security.users (username and password-hash; make a hash "
          + "with ./polypseg hash-password)");
    }
    for (User user : this.users) {
      if (user.username() == null || user.username().isBlank()) {
        throw new IllegalArgumentException("polypseg.security.users: a user has no username");
      }
      if (user.passwordHash() == null || !BCRYPT.matcher(user.passwordHash()).matches()) {
        throw new IllegalArgumentException("polypseg.security.users: the password-hash of '"
            + user.username() + "' is not a bcrypt hash ($2a$10$ followed by 53 characters); "
            + "make one with ./polypseg hash-password");
      }
    }
    if (idleTimeout == null || idleTimeout.compareTo(Duration.ofSeconds(2)) < 0) {
      throw new IllegalArgumentException("polypseg.security.idle-timeout must be at least 2s "
          + "(15m by default), not " + idleTimeout);
    }
  }

  /** Login off, no users, the default idle time and throttling: for tests. */
  public SecurityProperties(boolean enabled, List<User> users, boolean allowAnonymousNetwork) {
    this(enabled, users, allowAnonymousNetwork, Duration.ofMinutes(15), Login.DEFAULTS);
  }

  /**
   * One user.
   *
   * @param username the sign-in name
   * @param passwordHash the password's bcrypt hash (never the password itself)
   */
  public record User(String username, String passwordHash) {
    @Override
    public String toString() {
      return "User[" + username + "]";
    }
  }

  /**
   * Password guessing, slowed and then blocked, per user name and per client address. Unknown
   * user names are counted like real ones, so the answers do not tell which names exist.
   *
   * @param backoffAfter failures in a row after which each further attempt must wait: the first
   *     {@code backoffInitial}, then twice as long each time
   * @param backoffInitial the first wait
   * @param maxFailures failures in a row for one user name that lock it for {@code lockout}
   * @param maxFailuresPerAddress failures from one client address (any user names) that lock
   *     the address for {@code lockout}; higher than per user, as colleagues may share an address
   * @param lockout how long a locked user name or address is refused, even with the right password
   */
  public record Login(
      @DefaultValue("3") int backoffAfter,
      @DefaultValue("1s") Duration backoffInitial,
      @DefaultValue("10") int maxFailures,
      @DefaultValue("100") int maxFailuresPerAddress,
      @DefaultValue("15m") Duration lockout) {

    public static final Login DEFAULTS =
        new Login(3, Duration.ofSeconds(1), 10, 100, Duration.ofMinutes(15));

    public Login {
      if (backoffAfter < 1 || maxFailures < 1 || maxFailuresPerAddress < 1) {
        throw new IllegalArgumentException("polypseg.security.login: backoff-after, max-failures "
            + "and max-failures-per-address must be at least 1");
      }
      if (backoffInitial == null || backoffInitial.isNegative() || lockout == null
          || lockout.isNegative() || lockout.isZero()) {
        throw new IllegalArgumentException("polypseg.security.login: backoff-initial must be 0 "
            + "or more and lockout more than 0");
      }
    }
  }
}
