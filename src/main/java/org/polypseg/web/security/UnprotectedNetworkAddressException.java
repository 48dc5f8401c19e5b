package org.polypseg.web.security;

/**
 * The app was asked to serve a non-loopback address with login off and without the explicit
 * opt-out, or with the opt-out on a public address over plain HTTP; it does not start. {@link
 * UnprotectedNetworkAddressFailureAnalyzer} turns this into the start-up message.
 */
public class UnprotectedNetworkAddressException extends RuntimeException {

  /** Why the address was refused. */
  public enum Reason {
    /** Login off and no opt-out. */
    NO_LOGIN,
    /** The opt-out, on an address the internet may reach, without HTTPS. */
    PUBLIC_WITHOUT_TLS
  }

  private final String address;
  private final Reason reason;
  private final boolean usersConfigured;

  UnprotectedNetworkAddressException(String address, Reason reason, boolean usersConfigured) {
    super(reason == Reason.NO_LOGIN
        ? "Refusing to serve " + address + " without login: anyone on the network could upload "
            + "frames and read the results. Turn login on (polypseg.security.users and "
            + "polypseg.security.enabled=true), or serve this machine only "
            + "(server.address=127.0.0.1, the default), or opt out explicitly with "
            + "polypseg.security.allow-anonymous-network=true"
        : "Refusing polypseg.security.allow-anonymous-network=true on " + address + ", which the "
            + "internet may reach, over plain HTTP: frames and results would cross it "
            + "unencrypted and open to anyone. Turn login on (polypseg.security.users and "
            + "polypseg.security.enabled=true), or HTTPS (polypseg.tls.keystore), or serve a "
            + "private address only");
    this.address = address;
    this.reason = reason;
    this.usersConfigured = usersConfigured;
  }

  /** How the address was shown, e.g. {@code server.address=0.0.0.0}. */
  public String address() {
    return address;
  }

  /** Why it was refused. */
  public Reason reason() {
    return reason;
  }

  /** Whether users are configured (and only {@code polypseg.security.enabled} is missing). */
  public boolean usersConfigured() {
    return usersConfigured;
  }
}
