package org.polypseg.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.AbstractProtocol;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * Started as a new user would, with no setting: the server listens on loopback only, and serves
 * this machine (the health probe and the bill of materials as examples).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoopbackByDefaultTest {

  @LocalServerPort int port;
  @Autowired WebServerApplicationContext context;

  @Test
  void everyListeningSocketIsLoopbackOnly() {
    Connector[] connectors = ((TomcatWebServer) context.getWebServer()).getTomcat().getService()
        .findConnectors();
    assertThat(connectors).isNotEmpty();
    for (Connector connector : connectors) {
      InetAddress address = ((AbstractProtocol<?>) connector.getProtocolHandler()).getAddress();
      assertThat(address).as("connector on port %d binds an address", connector.getLocalPort())
          .isNotNull();
      assertThat(address.isLoopbackAddress()).as("%s is loopback", address).isTrue();
    }
  }

  @Test
  void thisMachineIsServed() throws Exception {
    try (HttpClient client = HttpClient.newHttpClient()) {
      HttpResponse<String> health = client.send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      HttpResponse<String> sbom = client.send(HttpRequest.newBuilder(
          URI.create("http://localhost:" + port + "/actuator/sbom/application")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(sbom.statusCode()).isEqualTo(200);
      assertThat(sbom.body()).contains("\"bomFormat\"", "pkg:maven/ai.djl/api@");
    }
  }
}
