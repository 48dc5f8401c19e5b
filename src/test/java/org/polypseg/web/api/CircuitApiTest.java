package org.polypseg.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polypseg.quantum.TinyQasmInterpreter;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/circuit/...} over real HTTP with the shipped model: the OpenQASM 3 and 2 files,
 * run by an independent simulator, give the expectations the API states; bad angles are a problem
 * naming the count; the endpoints are in the OpenAPI description.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CircuitApiTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;

  @Test
  void theDownloadedQasmRunElsewhereGivesTheStatedExpectations() throws Exception {
    HttpResponse<String> qasm3 = get("/api/circuit/qasm3");
    assertThat(qasm3.statusCode()).isEqualTo(200);
    assertThat(qasm3.headers().firstValue("Content-Type")).hasValueSatisfying(
        t -> assertThat(t).startsWith("text/plain"));
    assertThat(qasm3.headers().firstValue("Content-Disposition"))
        .hasValueSatisfying(d -> assertThat(d).contains("attachment", "circuit.qasm"));
    assertThat(qasm3.body()).startsWith("OPENQASM 3").contains("input float[64] x0;");

    JsonNode stated = JSON.readTree(get("/api/circuit/expectations?angles=0.3,-1.1,2.0,0.7").body());
    assertThat(stated.get("observables").toString()).isEqualTo("[\"Z0\",\"Z1\",\"Z2\",\"Z3\"]");
    double[] expected = new double[stated.get("expectations").size()];
    for (int i = 0; i < expected.length; i++) {
      expected[i] = stated.get("expectations").get(i).asDouble();
    }
    assertThat(expected).hasSize(4);
    assertThat(TinyQasmInterpreter.expectations(qasm3.body(),
        Map.of("x0", 0.3, "x1", -1.1, "x2", 2.0, "x3", 0.7))).containsExactly(expected, within(1e-9));

    HttpResponse<String> qasm2 = get("/api/circuit/qasm2?angles=0.3,-1.1,2.0,0.7");
    assertThat(qasm2.statusCode()).isEqualTo(200);
    assertThat(qasm2.body()).startsWith("OPENQASM 2.0;");
    assertThat(TinyQasmInterpreter.expectations(qasm2.body(), Map.of()))
        .containsExactly(expected, within(1e-9));
  }

  @Test
  void wrongAnglesAreAProblemNamingTheCountAndTheValue() throws Exception {
    HttpResponse<String> three = get("/api/circuit/expectations?angles=0.1,0.2,0.3");
    assertThat(three.statusCode()).isEqualTo(400);
    assertThat(three.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(JSON.readTree(three.body()).get("detail").asString())
        .contains("3 angles given", "4 qubits");
    HttpResponse<String> word = get("/api/circuit/qasm2?angles=0.1,x,0.3,0.4");
    assertThat(word.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(word.body()).get("detail").asString())
        .contains("'x' is not a finite number");
    assertThat(word.body()).doesNotContain("\tat ", "Exception");
  }

  @Test
  void theEndpointsAreDescribed() throws Exception {
    JsonNode paths = JSON.readTree(get("/v3/api-docs").body()).get("paths");
    assertThat(paths.has("/api/circuit/qasm3")).isTrue();
    assertThat(paths.get("/api/circuit/qasm2").get("get").get("responses").has("400")).isTrue();
    assertThat(paths.get("/api/circuit/expectations").get("get").toString()).contains("angles");
  }

  private HttpResponse<String> get(String path) throws Exception {
    try (HttpClient client = HttpClient.newHttpClient()) {
      return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .build(), HttpResponse.BodyHandlers.ofString());
    }
  }
}
