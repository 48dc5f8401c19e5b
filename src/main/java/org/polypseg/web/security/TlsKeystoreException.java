package org.polypseg.web.security;

/**
 * The configured keystore cannot be used (missing, unreadable, wrong password, no key); the app
 * does not start rather than start without the HTTPS it was asked for. {@link
 * TlsKeystoreFailureAnalyzer} turns it into the start-up message.
 */
public class TlsKeystoreException extends RuntimeException {

  private final String action;

  TlsKeystoreException(String problem, String action) {
    super(problem);
    this.action = action;
  }

  /** What to do about it. */
  public String action() {
    return action;
  }
}
