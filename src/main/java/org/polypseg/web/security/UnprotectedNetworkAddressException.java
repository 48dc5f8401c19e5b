package org.polypseg.web.security;

/**
 * The app was asked to serve a non-loopback address with login off and without the explicit
 * opt-out; it does not start. {@link UnprotectedNetworkAddressFailureAnalyzer} turns this into the
 * start-up message.
 */
public class UnprotectedNetworkAddressException extends RuntimeException {

  private final String address;
  private final boolean usersConfigured;

  UnprotectedNetworkAddressException(String address, boolean usersConfigured) {
    super("Refusing to serve " + address + " without login: anyone on the network could upload "
        + "frames and read the results. Turn login on (polypseg.security.users and "
        + "polypseg.security.enabled=true), or serve this machine only "
        + "(server.address=127.0.0.1, the default), or opt out explicitly with "
        + "polypseg.security.allow-anonymous-network=true");
    this.address = address;
    this.usersConfigured = usersConfigured;
  }

  /** How the address was shown, e.g. {@code server.address=0.0.0.0}. */
  public String address() {
    return address;
  }

  /** Whether users are configured (and only {@code polypseg.security.enabled} is missing). */
  public boolean usersConfigured() {
    return usersConfigured;
  }
}
