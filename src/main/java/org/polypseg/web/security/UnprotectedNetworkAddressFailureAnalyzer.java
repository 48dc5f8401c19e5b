package org.polypseg.web.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * The start-up message for {@link UnprotectedNetworkAddressException}: what was refused and the
 * settings that fix it, in place of a stack trace. Registered in {@code META-INF/spring.factories}.
 */
public class UnprotectedNetworkAddressFailureAnalyzer
    extends AbstractFailureAnalyzer<UnprotectedNetworkAddressException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure,
      UnprotectedNetworkAddressException cause) {
    if (cause.reason() == UnprotectedNetworkAddressException.Reason.PUBLIC_WITHOUT_TLS) {
      return new FailureAnalysis("polypseg was asked to serve " + cause.address() + ", which "
          + "the internet may reach, with login off (polypseg.security.allow-anonymous-network="
          + "true) and over plain HTTP. It does not start: patient frames would cross the "
          + "internet unencrypted, open to anyone.",
          "Turn login on: add users under polypseg.security.users (password hashes from "
          + "./polypseg hash-password) and set polypseg.security.enabled=true.\nOr turn HTTPS on "
          + "with polypseg.tls.keystore (./polypseg tls-keystore makes one for a trial).\nOr "
          + "serve a private (LAN) address or this machine only (server.address=127.0.0.1).",
          cause);
    }
    String description = "polypseg was asked to serve " + cause.address() + ", which other "
        + "machines can reach, with login off. It does not start: patient frames would be open to "
        + "anyone on the network.";
    String login = cause.usersConfigured()
        ? "Users are configured: set polypseg.security.enabled=true to turn login on."
        : "Turn login on: add users under polypseg.security.users (password hashes from "
            + "./polypseg hash-password) and set polypseg.security.enabled=true.";
    String action = login + "\nOr serve this machine only: leave server.address at its default, "
        + "127.0.0.1.\nOr, knowing that anyone who reaches the address can use the app, opt out "
        + "with --polypseg.security.allow-anonymous-network=true (logged as a warning).";
    return new FailureAnalysis(description, action, cause);
  }
}
