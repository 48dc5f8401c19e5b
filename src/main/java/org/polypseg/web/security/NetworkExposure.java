package org.polypseg.web.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Who can reach the server, decided before the web server opens its port. The default
 * {@code server.address} is 127.0.0.1 (see {@code application.yaml}): only this machine. A
 * non-loopback address (say {@code --server.address=0.0.0.0}, or an empty one: every interface)
 * is served only with login on ({@code polypseg.security.enabled=true} and users configured), or
 * with the explicit opt-out {@code polypseg.security.allow-anonymous-network=true}, which is logged
 * as a warning and is refused on an address the internet may reach unless HTTPS is on
 * ({@code polypseg.tls.keystore}). Otherwise the start-up stops with {@link
 * UnprotectedNetworkAddressException}. The same rule holds for {@code management.server.address}
 * when the actuator has a port of its own.
 *
 * <p>A bean factory post-processor, so that the check runs before any bean (the model, the web
 * server) is made, and sees every property source, those a test adds included.
 */
public final class NetworkExposure implements BeanFactoryPostProcessor, EnvironmentAware {

  /** How the configured address is served. */
  public enum Decision {
    /** A loopback address: this machine only. */
    LOOPBACK,
    /** Another address, with login on. */
    NETWORK_WITH_LOGIN,
    /** Another address, login off, by the explicit opt-out. */
    NETWORK_ANONYMOUS_BY_OPT_OUT
  }

  private static final Logger log = LoggerFactory.getLogger(NetworkExposure.class);

  private Environment environment;

  @Override
  public void setEnvironment(Environment environment) {
    this.environment = environment;
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    SecurityProperties security = Binder.get(environment)
        .bindOrCreate("polypseg.security", SecurityProperties.class);
    boolean tls = Binder.get(environment).bindOrCreate("polypseg.tls", TlsProperties.class)
        .enabled();
    String managementPort = environment.getProperty("management.server.port");
    if (managementPort != null && !managementPort.strip().equals("-1")
        && !managementPort.strip().equals(environment.getProperty("server.port"))) {
      // The actuator on a port of its own listens on management.server.address, by default on
      // every interface: the same rule holds there.
      decide("management.server.address",
          environment.getProperty("management.server.address"), security, tls);
    }
    String address = environment.getProperty("server.address");
    String shown = shown("server.address", address);
    Decision decision = decide("server.address", address, security, tls);
    if (decision != Decision.LOOPBACK && !tls) {
      log.warn("Serving {} over plain HTTP: passwords and frames cross the network unencrypted. "
          + "Turn HTTPS on (polypseg.tls.keystore) or serve through a reverse proxy with TLS "
          + "(README, \"Serving other machines\")", shown);
    }
    switch (decision) {
      case LOOPBACK -> log.info(security.enabled()
          ? "Serving this machine only ({}); to serve other machines start with "
              + "--server.address=0.0.0.0 (login is on)"
          : "Serving this machine only ({}, login off); to serve other machines configure "
              + "polypseg.security.users, set polypseg.security.enabled=true and start with "
              + "--server.address=0.0.0.0", shown);
      case NETWORK_WITH_LOGIN -> log.info("Serving other machines on {}; login required", shown);
      case NETWORK_ANONYMOUS_BY_OPT_OUT -> log.warn("polypseg.security.allow-anonymous-network="
          + "true: serving {} to other machines WITHOUT LOGIN; anyone who can reach it can upload "
          + "frames and read the results. Turn login on instead (polypseg.security.users and "
          + "polypseg.security.enabled=true)", shown);
    }
  }

  /** {@link #decide(String, String, SecurityProperties, boolean)} for {@code server.address}. */
  public static Decision decide(String address, SecurityProperties security, boolean tls) {
    return decide("server.address", address, security, tls);
  }

  /**
   * The rule, on its own.
   *
   * @param property the setting the address comes from, for the messages
   * @param address the address as configured; null or blank means every interface
   * @param tls whether HTTPS is on
   * @throws UnprotectedNetworkAddressException for a non-loopback address with login off and no
   *     opt-out, or with the opt-out on a public address without HTTPS
   */
  public static Decision decide(String property, String address, SecurityProperties security,
      boolean tls) {
    if (isLoopback(address)) {
      return Decision.LOOPBACK;
    }
    if (security.enabled()) {
      return Decision.NETWORK_WITH_LOGIN;
    }
    if (security.allowAnonymousNetwork()) {
      if (!tls && PublicAddresses.reachable(address)) {
        throw new UnprotectedNetworkAddressException(shown(property, address),
            UnprotectedNetworkAddressException.Reason.PUBLIC_WITHOUT_TLS,
            !security.users().isEmpty());
      }
      return Decision.NETWORK_ANONYMOUS_BY_OPT_OUT;
    }
    throw new UnprotectedNetworkAddressException(shown(property, address),
        UnprotectedNetworkAddressException.Reason.NO_LOGIN, !security.users().isEmpty());
  }

  /** True when every address the name stands for is a loopback one (127.0.0.0/8, ::1). */
  public static boolean isLoopback(String address) {
    if (address == null || address.isBlank()) {
      return false;
    }
    try {
      InetAddress[] all = InetAddress.getAllByName(address.strip());
      for (InetAddress a : all) {
        if (!a.isLoopbackAddress()) {
          return false;
        }
      }
      return all.length > 0;
    } catch (UnknownHostException e) {
      // The web server will refuse it with its own message; until then, assume the worst.
      return false;
    }
  }

  private static String shown(String property, String address) {
    return address == null || address.isBlank()
        ? "every network interface (" + property + " not set)"
        : property + "=" + address.strip();
  }
}
