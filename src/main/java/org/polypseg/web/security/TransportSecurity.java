package org.polypseg.web.security;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns {@code polypseg.tls.keystore} into Spring Boot's SSL bundle ({@code server.ssl.bundle})
 * and {@code Secure} session cookies, after checking, before the web server starts, that the file
 * opens with the password and holds a private key: a keystore that cannot be used stops the
 * start-up with a message naming the setting ({@link TlsKeystoreException}), instead of a stack
 * trace from deep in the web server, or a server that starts on plain HTTP.
 */
public final class TransportSecurity implements BeanFactoryPostProcessor, EnvironmentAware {

  static final String BUNDLE = "polypseg";

  private static final Logger log = LoggerFactory.getLogger(TransportSecurity.class);

  private ConfigurableEnvironment environment;

  @Override
  public void setEnvironment(Environment environment) {
    this.environment = (ConfigurableEnvironment) environment;
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    TlsProperties tls = Binder.get(environment).bindOrCreate("polypseg.tls", TlsProperties.class);
    if (!tls.enabled()) {
      return;
    }
    Path keystore = Path.of(tls.keystore().strip()).toAbsolutePath();
    String alias = check(keystore, tls.keystorePassword(), tls.keyAlias());
    Map<String, Object> ssl = new LinkedHashMap<>();
    String prefix = "spring.ssl.bundle.jks." + BUNDLE + ".";
    ssl.put(prefix + "keystore.location", keystore.toUri().toString());
    ssl.put(prefix + "keystore.password", tls.keystorePassword());
    ssl.put(prefix + "keystore.type", "PKCS12");
    ssl.put(prefix + "key.alias", alias);
    ssl.put("server.ssl.bundle", BUNDLE);
    ssl.put("server.ssl.enabled", "true");
    ssl.put("server.servlet.session.cookie.secure", "true");
    environment.getPropertySources().addFirst(new MapPropertySource("polypseg-tls", ssl));
    log.info("HTTPS on, with the key '{}' of {}", alias, keystore);
  }

  /**
   * Opens the keystore and finds the key to serve with.
   *
   * @return the alias of the key entry
   * @throws TlsKeystoreException naming the file and what is wrong
   */
  static String check(Path keystore, String password, String wantedAlias) {
    String setting = "polypseg.tls.keystore=" + keystore;
    String makeOne = "Give the path of a PKCS12 keystore (.p12) with the server's key and "
        + "certificate, or make one for a trial with ./polypseg tls-keystore; or remove "
        + "polypseg.tls.keystore to serve plain HTTP on this machine only.";
    if (!Files.exists(keystore)) {
      throw new TlsKeystoreException(setting + ": no such file.", makeOne);
    }
    if (Files.isDirectory(keystore)) {
      throw new TlsKeystoreException(setting + ": is a folder, not a keystore file.", makeOne);
    }
    KeyStore store;
    try {
      store = KeyStore.getInstance(keystore.toFile(), password.toCharArray());
    } catch (AccessDeniedException e) {
      throw new TlsKeystoreException(setting + ": cannot be read (permission denied).",
          "Let the user that runs polypseg read the file.");
    } catch (NoSuchFileException e) {
      throw new TlsKeystoreException(setting + ": no such file.", makeOne);
    } catch (IOException e) {
      if (e.getCause() instanceof UnrecoverableKeyException) {
        throw new TlsKeystoreException(setting + ": the password is wrong "
            + "(polypseg.tls.keystore-password).", "Set polypseg.tls.keystore-password (or the "
            + "environment variable POLYPSEG_TLS_KEYSTOREPASSWORD) to the keystore's password.");
      }
      throw new TlsKeystoreException(setting + ": cannot be read as a keystore ("
          + e.getMessage() + ").", makeOne);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new TlsKeystoreException(setting + ": not a PKCS12 keystore (" + e.getMessage()
          + ").", makeOne);
    }
    try {
      List<String> keys = Collections.list(store.aliases()).stream()
          .filter(a -> isKey(store, a)).toList();
      if (!wantedAlias.isBlank()) {
        if (!keys.contains(wantedAlias)) {
          throw new TlsKeystoreException(setting + ": has no private key '" + wantedAlias
              + "' (polypseg.tls.key-alias); its keys: " + keys + ".",
              "Set polypseg.tls.key-alias to one of them, or leave it empty.");
        }
        return wantedAlias;
      }
      if (keys.size() != 1) {
        throw new TlsKeystoreException(setting + ": holds " + keys.size() + " private keys "
            + keys + "; the server needs one.", keys.isEmpty() ? makeOne
            : "Set polypseg.tls.key-alias to the one to serve with.");
      }
      return keys.getFirst();
    } catch (java.security.KeyStoreException e) {
      throw new TlsKeystoreException(setting + ": cannot be read (" + e.getMessage() + ").",
          makeOne);
    }
  }

  private static boolean isKey(KeyStore store, String alias) {
    try {
      return store.isKeyEntry(alias);
    } catch (java.security.KeyStoreException e) {
      return false;
    }
  }
}
