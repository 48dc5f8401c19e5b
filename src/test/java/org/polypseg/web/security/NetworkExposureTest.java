package org.polypseg.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.polypseg.PolypSegApplication;
import org.polypseg.web.security.NetworkExposure.Decision;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.mock.env.MockEnvironment;

/** The rule for who can reach the server, and the start-up that refuses an open network address. */
@ExtendWith(OutputCaptureExtension.class)
class NetworkExposureTest {

  private static final String HASH =
      "$2a$04$abcdefghijklmnopqrstuuWmgX2v0kR3bYq1j4JmXh3uO1Q6m1b1G";
  private static final SecurityProperties OFF = new SecurityProperties(false, List.of(), false);
  private static final SecurityProperties ON = new SecurityProperties(true,
      List.of(new SecurityProperties.User("alice", HASH)), false);
  private static final SecurityProperties OPT_OUT = new SecurityProperties(false, List.of(), true);

  /** The same test decides whether study owners may read any server folder (FrameImport). */
  @Test
  void onlyLoopbackAddressesCountAsThisMachineAlone() {
    assertThat(NetworkExposure.isLoopback("127.0.0.1")).isTrue();
    assertThat(NetworkExposure.isLoopback("::1")).isTrue();
    assertThat(NetworkExposure.isLoopback("0.0.0.0")).isFalse();
    assertThat(NetworkExposure.isLoopback("")).isFalse();
  }

  @Test
  void loopbackAddressesAreServedWithOrWithoutLogin() {
    for (String address : List.of("127.0.0.1", "127.0.0.2", "::1", "localhost")) {
      assertThat(NetworkExposure.decide(address, OFF, false)).as(address)
          .isEqualTo(Decision.LOOPBACK);
      assertThat(NetworkExposure.decide(address, ON, false)).as(address)
          .isEqualTo(Decision.LOOPBACK);
    }
  }

  @Test
  void aNetworkAddressNeedsLoginOrTheOptOut() {
    for (String address : List.of("0.0.0.0", "::", "192.0.2.10", "10.1.2.3", "8.8.8.8", "")) {
      assertThat(NetworkExposure.decide(address, ON, false))
          .isEqualTo(Decision.NETWORK_WITH_LOGIN);
      assertThatThrownBy(() -> NetworkExposure.decide(address, OFF, false))
          .isInstanceOf(UnprotectedNetworkAddressException.class)
          .hasMessageContaining("polypseg.security.allow-anonymous-network")
          .hasMessageContaining("polypseg.security.users");
    }
    // Private, link-local and documentation addresses: the opt-out is enough.
    for (String address : List.of("10.1.2.3", "172.16.0.9", "192.168.1.20", "192.0.2.10",
        "100.64.0.1", "fd00::5", "fe80::1")) {
      assertThat(NetworkExposure.decide(address, OPT_OUT, false)).as(address)
          .isEqualTo(Decision.NETWORK_ANONYMOUS_BY_OPT_OUT);
    }
    assertThat(NetworkExposure.decide(null, ON, false)).isEqualTo(Decision.NETWORK_WITH_LOGIN);
    // Users configured but login not switched on is still login off.
    SecurityProperties usersOnly = new SecurityProperties(false,
        List.of(new SecurityProperties.User("alice", HASH)), false);
    assertThatThrownBy(() -> NetworkExposure.decide("0.0.0.0", usersOnly, false))
        .isInstanceOf(UnprotectedNetworkAddressException.class);
  }

  @Test
  void theOptOutOnAPublicAddressNeedsHttps() {
    for (String address : List.of("8.8.8.8", "2a00:1450:4001::1", "172.32.0.1")) {
      assertThatThrownBy(() -> NetworkExposure.decide(address, OPT_OUT, false)).as(address)
          .isInstanceOfSatisfying(UnprotectedNetworkAddressException.class, e -> assertThat(
              e.reason()).isEqualTo(UnprotectedNetworkAddressException.Reason.PUBLIC_WITHOUT_TLS))
          .hasMessageContaining("polypseg.tls.keystore");
      assertThat(NetworkExposure.decide(address, OPT_OUT, true)).as(address)
          .isEqualTo(Decision.NETWORK_ANONYMOUS_BY_OPT_OUT);
    }
    FailureAnalysis analysis = new UnprotectedNetworkAddressFailureAnalyzer().analyze(
        catchThrowable(() -> NetworkExposure.decide("8.8.8.8", OPT_OUT, false)));
    assertThat(analysis.getDescription()).contains("server.address=8.8.8.8",
        "allow-anonymous-network=true", "plain HTTP");
    assertThat(analysis.getAction()).contains("polypseg.security.enabled=true",
        "polypseg.tls.keystore", "./polypseg tls-keystore");
  }

  @Test
  void theFailureAnalysisNamesTheSettingsAndWhatToDo() {
    UnprotectedNetworkAddressException refused = new UnprotectedNetworkAddressException(
        "server.address=0.0.0.0", UnprotectedNetworkAddressException.Reason.NO_LOGIN, false);
    FailureAnalysis analysis = new UnprotectedNetworkAddressFailureAnalyzer().analyze(
        new IllegalStateException(refused));
    assertThat(analysis.getDescription()).contains("server.address=0.0.0.0");
    assertThat(analysis.getAction()).contains("polypseg.security.users",
        "polypseg.security.enabled=true", "polypseg.security.allow-anonymous-network=true",
        "127.0.0.1");
    FailureAnalysis usersOnly = new UnprotectedNetworkAddressFailureAnalyzer().analyze(
        new UnprotectedNetworkAddressException("server.address=0.0.0.0",
            UnprotectedNetworkAddressException.Reason.NO_LOGIN, true));
    assertThat(usersOnly.getAction()).startsWith("Users are configured: set "
        + "polypseg.security.enabled=true");
  }

  @Test
  void theStartUpSaysInOneLineHowToServeOtherMachines(CapturedOutput output) {
    NetworkExposure check = new NetworkExposure();
    check.setEnvironment(new MockEnvironment().withProperty("server.address", "127.0.0.1"));
    check.postProcessBeanFactory(null);
    assertThat(output.getOut().lines().filter(l -> l.contains("NetworkExposure")))
        .singleElement().asString()
        .contains("INFO", "Serving this machine only (server.address=127.0.0.1, login off)",
            "polypseg.security.users", "polypseg.security.enabled=true",
            "--server.address=0.0.0.0");
  }

  @Test
  void theOptOutIsLoggedAsAWarning(CapturedOutput output) {
    NetworkExposure check = new NetworkExposure();
    check.setEnvironment(new MockEnvironment().withProperty("server.address", "10.1.2.3")
        .withProperty("polypseg.security.allow-anonymous-network", "true"));
    check.postProcessBeanFactory(null);
    assertThat(output.getOut().lines().filter(l -> l.contains("NetworkExposure")))
        .anySatisfy(l -> assertThat(l).contains("WARN",
            "polypseg.security.allow-anonymous-network=true", "server.address=10.1.2.3",
            "WITHOUT LOGIN"))
        .anySatisfy(l -> assertThat(l).contains("WARN", "plain HTTP", "polypseg.tls.keystore"));
  }

  @Test
  void anActuatorOnAPortOfItsOwnFollowsTheSameRule() {
    NetworkExposure check = new NetworkExposure();
    check.setEnvironment(new MockEnvironment().withProperty("server.address", "127.0.0.1")
        .withProperty("server.port", "8080").withProperty("management.server.port", "8081"));
    assertThatThrownBy(() -> check.postProcessBeanFactory(null))
        .isInstanceOf(UnprotectedNetworkAddressException.class)
        .hasMessageContaining("management.server.address not set");
    check.setEnvironment(new MockEnvironment().withProperty("server.address", "127.0.0.1")
        .withProperty("management.server.port", "8081")
        .withProperty("management.server.address", "127.0.0.1"));
    check.postProcessBeanFactory(null);
  }

  /** The real start-up: no users, no opt-out, a network address: the app does not start. */
  @Test
  void theAppDoesNotStartOnANetworkAddressWithoutLogin(CapturedOutput output) {
    Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(PolypSegApplication.class)
        .run("--server.address=0.0.0.0", "--server.port=0"));
    assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
        .isInstanceOf(UnprotectedNetworkAddressException.class)
        .hasMessageContaining("polypseg.security.allow-anonymous-network")
        .hasMessageContaining("polypseg.security.users");
    assertThat(output.getOut() + output.getErr())
        .contains("APPLICATION FAILED TO START")
        .contains("polypseg was asked to serve server.address=0.0.0.0")
        .contains("--polypseg.security.allow-anonymous-network=true")
        .doesNotContain("Tomcat started")
        .doesNotContain("\tat org.springframework");
  }
}
