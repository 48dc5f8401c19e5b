package org.polypseg.web.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * The start-up message for {@link TlsKeystoreException}: which keystore, what is wrong with it and
 * what to do, in place of a stack trace. Registered in {@code META-INF/spring.factories}.
 */
public class TlsKeystoreFailureAnalyzer extends AbstractFailureAnalyzer<TlsKeystoreException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, TlsKeystoreException cause) {
    return new FailureAnalysis("HTTPS was asked for, but the keystore cannot be used: "
        + cause.getMessage() + " polypseg does not start without it.", cause.action(), cause);
  }
}
