package org.polypseg.web.security;

import java.util.List;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Optional login, under {@code polypseg.security.*}.
 *
 * @param enabled when true every page and API route needs a signed-in user (the page: the login
 *     view; the API: HTTP Basic); when false (the default) the app is open, as on a laptop
 * @param users who may sign in
 * @param allowAnonymousNetwork the explicit opt-out that lets the app serve a non-loopback address
 *     (for example {@code --server.address=0.0.0.0}) with login off; false by default, logged as a
 *     warning at start-up when true (see {@link NetworkExposure})
 */
@ConfigurationProperties("polypseg.security")
public record SecurityProperties(
    @DefaultValue("false") boolean enabled,
    List<User> users,
    @DefaultValue("false") boolean allowAnonymousNetwork) {

  private static final Pattern BCRYPT = Pattern.compile("^\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}$");

  public SecurityProperties {
    users = users == null ? List.of() : List.copyOf(users);
    if (enabled && users.isEmpty()) {
      throw new IllegalArgumentException("polypseg.security.enabled is true but no user is "
          + "configured: add polypseg.security.users (username and password-hash; make a hash "
          + "with ./polypseg hash-password)");
    }
    for (User user : users) {
      if (user.username() == null || user.username().isBlank()) {
        throw new IllegalArgumentException("polypseg.security.users: a user has no username");
      }
      if (user.passwordHash() == null || !BCRYPT.matcher(user.passwordHash()).matches()) {
        throw new IllegalArgumentException("polypseg.security.users: the password-hash of '"
            + user.username() + "' is not a bcrypt hash ($2a$10$ followed by 53 characters); "
            + "make one with ./polypseg hash-password");
      }
    }
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
}
