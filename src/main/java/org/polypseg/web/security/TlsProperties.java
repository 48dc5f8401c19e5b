package org.polypseg.web.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * HTTPS, under {@code polypseg.tls.*}: set a PKCS12 keystore and the app serves HTTPS only (on
 * {@code server.port}), with HSTS and {@code Secure} session cookies. {@code ./polypseg
 * tls-keystore} makes a self-signed one for a trial; in production put a reverse proxy with the
 * site's certificate in front (see the README).
 *
 * @param keystore path of the PKCS12 file with the server's private key and certificate chain;
 *     empty (the default) = plain HTTP
 * @param keystorePassword its password (also the key's: PKCS12 has one); better passed as the
 *     environment variable {@code POLYPSEG_TLS_KEYSTOREPASSWORD} than on the command line
 * @param keyAlias the entry to use when the file holds several keys; empty = the only one
 */
@ConfigurationProperties("polypseg.tls")
public record TlsProperties(
    @DefaultValue("") String keystore,
    @DefaultValue("") String keystorePassword,
    @DefaultValue("") String keyAlias) {

  /** Whether HTTPS is configured. */
  public boolean enabled() {
    return !keystore.isBlank();
  }

  @Override
  public String toString() {
    return "TlsProperties[keystore=" + keystore + ", keyAlias=" + keyAlias + "]";
  }
}
