package org.polypseg.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.polypseg.segment.CircuitExport;
import org.polypseg.segment.CircuitInputException;
import org.polypseg.segment.ModelOverview;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The model's trained circuit for other simulators and devices: OpenQASM 3 and 2, and its exact
 * expectations for given input angles, as the {@code circuit} command gives them.
 */
@RestController
@RequestMapping("/api/circuit")
@Tag(name = "Circuit", description = "The trained variational circuit as OpenQASM")
public class CircuitController {

  private static final MediaType QASM = new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8);

  private static final String CIRCUIT_PARAMETER = "Which of the model's circuits: 0 the "
      + "bottleneck's (default); with placement decoder 1, 2, ... those gating the decoder stages, "
      + "from the deepest";

  private final ModelOverview model;

  public CircuitController(ModelOverview model) {
    this.model = model;
  }

  /**
   * The expectations of the circuit for some input angles.
   *
   * @param expectations exact, one per measured term, in the order of {@code observables}
   * @param observables the measured terms, e.g. "Z0" or "Z0Z1" (qubit i = q[i] in the QASM)
   */
  public record Expectations(double[] expectations, List<String> observables) {}

  @Operation(summary = "The circuit as OpenQASM 3",
      description = "The trained weights bound; the image-dependent encoding angles are inputs "
          + "x0..x(n-1) (input float[64], radians). Qubit i is q[i], measured into c[i].")
  @ApiResponse(responseCode = "200", description = "OpenQASM 3 source",
      content = @Content(mediaType = "text/plain"))
  @ApiResponse(responseCode = "400", description = "The model has no circuit, or none of that number",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
          schema = @Schema(implementation = ProblemDetail.class)))
  @GetMapping("/qasm3")
  public ResponseEntity<String> qasm3(@Parameter(description = CIRCUIT_PARAMETER)
      @RequestParam(name = "circuit", defaultValue = "0") int index) {
    return file(circuit(index).qasm3(), "circuit.qasm");
  }

  @Operation(summary = "The circuit as OpenQASM 2, for one image's angles",
      description = "OpenQASM 2 has no inputs, so the angles (radians, one per qubit) are bound "
          + "into the file together with the trained weights.")
  @ApiResponse(responseCode = "200", description = "OpenQASM 2 source",
      content = @Content(mediaType = "text/plain"))
  @ApiResponse(responseCode = "400", description = "Angles missing, not numbers, or not one per "
      + "qubit; or the model has no circuit, or none of that number",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
          schema = @Schema(implementation = ProblemDetail.class)))
  @GetMapping("/qasm2")
  public ResponseEntity<String> qasm2(
      @Parameter(description = "Input angles in radians, comma-separated, one per qubit",
          example = "0.3,-1.1,2.0,0.7") @RequestParam("angles") String angles,
      @Parameter(description = CIRCUIT_PARAMETER)
      @RequestParam(name = "circuit", defaultValue = "0") int index) {
    return file(circuit(index).qasm2(CircuitExport.parseAngles(angles)), "circuit-qasm2.qasm");
  }

  @Operation(summary = "Exact expectations of the circuit for some input angles",
      description = "The values a simulator or device running the exported OpenQASM should "
          + "approach, one per measured term, in the QASM's qubit order.")
  @ApiResponse(responseCode = "200", description = "The expectations",
      content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
          schema = @Schema(implementation = Expectations.class)))
  @ApiResponse(responseCode = "400", description = "Angles missing, not numbers, or not one per "
      + "qubit; or the model has no circuit, or none of that number",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
          schema = @Schema(implementation = ProblemDetail.class)))
  @GetMapping(value = "/expectations", produces = MediaType.APPLICATION_JSON_VALUE)
  public Expectations expectations(
      @Parameter(description = "Input angles in radians, comma-separated, one per qubit",
          example = "0.3,-1.1,2.0,0.7") @RequestParam("angles") String angles,
      @Parameter(description = CIRCUIT_PARAMETER)
      @RequestParam(name = "circuit", defaultValue = "0") int index) {
    CircuitExport circuit = circuit(index);
    return new Expectations(circuit.expectations(CircuitExport.parseAngles(angles)),
        circuit.observables());
  }

  private CircuitExport circuit(int index) {
    if (model.circuits().isEmpty()) {
      throw new CircuitInputException(
          "the model '" + model.summary().name() + "' has no circuit (mixer " + model.mixer() + ")");
    }
    return CircuitExport.pick(model.circuits(), index);
  }

  private static ResponseEntity<String> file(String text, String name) {
    return ResponseEntity.ok().contentType(QASM)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name).build().toString())
        .body(text);
  }
}
