package org.polypseg.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.markdown.Markdown;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polypseg.segment.CircuitExport;
import org.polypseg.segment.ModelOverview;
import org.w3c.dom.Document;

/** The model page and its circuit diagram, built from a hand-made model overview. */
class ModelViewTest {

  private static final List<int[]> RING = List.of(
      new int[] {0, 1}, new int[] {1, 2}, new int[] {2, 3}, new int[] {3, 0});

  // Held here: Vaadin keeps the current UI only by a weak reference, and a UI that nothing else
  // holds can be collected mid-test ("No currently active UI found").
  private final UI ui = new UI();

  @BeforeEach
  void setUp() {
    UI.setCurrent(ui);
  }

  @AfterEach
  void tearDown() {
    UI.setCurrent(null);
  }

  @Test
  void showsArchitectureCircuitTrainingAndIntendedUse() {
    ModelOverview overview = overview(Optional.of("| set | mDice |\n|---|---|\n| Kvasir | 0.80 |\n"
        + "\n![curves](training_curves.png)\n"));
    ModelView view = new ModelView(overview);
    String text = view.getElement().getTextRecursively();

    assertThat(text).contains("test-model", "Research and education", "not a medical device",
        "4 stages", "16, 32, 64, 128 channels", "Best validation Dice", "0.7123", "Adam");
    // The training data by name, not the developer's folder; the date as a reader writes it.
    assertThat(text).contains("Training data", "TrainDataset",
        "2 December 2026, 05:34 (UTC)").doesNotContain("../shared", "shared/datasets",
        "2026-12-02T05:34");
    assertThat(find(view, "circuit-diagram")).isPresent();
    assertThat(find(view, "model-card")).isPresent();
    assertThat(((Markdown) find(view, "model-card").get()).getContent())
        .contains("](model-files/training_curves.png)");
  }

  @Test
  void describesThePretrainedEncoderAndFlipAveraging() {
    ModelOverview overview = new ModelOverview(WebTestData.MODEL, "mobilenet_v2", 0, 5, "quantum",
        true, RING, new double[16], Map.of(), Optional.empty(), Optional.empty());
    String text = new ModelView(overview).getElement().getTextRecursively();
    assertThat(text).contains("ImageNet-pretrained MobileNetV2 encoder", "17 inverted-residual blocks",
        "16, 24, 32, 96 and 1280 channels", "mirrored left to right", "scaled to [−1, 1]");
    assertThat(text).doesNotContain("2×2 max-pooling");
    // Field-of-view clearing is on unless model.json turns it off, whatever the encoder.
    assertThat(text).contains("outside the endoscope's field of view");
    // The last step is said once, the field of view in it (not a second resize step beside it).
    assertThat(text.split("The sigmoid of the logits is resized back", -1)).hasSize(2);
  }

  @Test
  void saysSoWhenTheModelCardIsMissing() {
    ModelView view = new ModelView(overview(Optional.empty()));
    assertThat(view.getElement().getTextRecursively()).contains("No model card yet");
    assertThat(find(view, "model-card")).isEmpty();
  }

  @Test
  void theCircuitDiagramIsWellFormedSvgWithEveryGate() throws Exception {
    double[] angles = new double[16];
    angles[0] = 0.25;
    String svg = CircuitDiagram.svg(4, 2, RING, angles);
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
    // 4 encoding + 2 layers x (4 RY + 4 RX) + 4 read-outs = 24 boxes; 2 x 4 CNOTs.
    assertThat(doc.getElementsByTagName("rect").getLength()).isEqualTo(1 + 24);
    assertThat(doc.getElementsByTagName("circle").getLength()).isEqualTo(2 * 4 * 2);
    assertThat(svg).contains(">0.25<", ">layer 2<", "⟨Z⟩");
  }

  @Test
  void drawsTheCircuitAsTrainedAndOffersItAsOpenQasm() throws Exception {
    // 3 qubits, 2 layers, a line of CNOTs, inputs re-uploaded before each layer, Z and ZZ read out.
    double[] weights = new double[12];
    weights[5] = -1.25;
    CircuitExport circuit = CircuitExport.of(3, 2, "line", "reupload", "z+zz", weights);
    ModelOverview overview = new ModelOverview(WebTestData.MODEL, "plain", 16, 4, "quantum", false,
        List.of(new int[] {0, 1}, new int[] {1, 2}), weights, Map.of(), Optional.empty(),
        Optional.empty(), "bottleneck", List.of(circuit), false);
    ModelView view = new ModelView(overview);
    String text = view.getElement().getTextRecursively();
    assertThat(text).contains("before every layer (data re-uploading)", "a line of CNOTs",
        "⟨ZᵢZᵢ₊₁⟩ of neighbours").doesNotContain("ring of CNOTs");
    // This model's model.json turns field-of-view clearing off: the page does not claim it.
    assertThat(text).doesNotContain("field of view");
    assertThat(find(view, "circuit-qasm")).hasValueSatisfying(link -> assertThat(
        link.getElement().getTextRecursively()).contains("Download the circuit as OpenQASM 3"));

    String svg = CircuitDiagram.svg(circuit.qubits(), circuit.picture());
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    // Background + 2 x 3 encodings + 2 layers x (3 RY + 3 RX) + 3 ⟨Z⟩ + 2 ⟨ZZ⟩; 2 x 2 CNOTs.
    assertThat(doc.getElementsByTagName("rect").getLength()).isEqualTo(1 + 6 + 12 + 5);
    assertThat(doc.getElementsByTagName("circle").getLength()).isEqualTo(2 * 2 * 2);
    assertThat(svg).contains(">encode 2<", ">layer 2<", ">-1.25<", "⟨ZZ⟩", "2 layers</title>");
  }

  @Test
  void aModelWithDecoderPlacementDrawsEveryCircuitAndSaysWhereItSits() {
    CircuitExport one = CircuitExport.of(4, 2, "ring", "ry", "z", new double[16]);
    List<CircuitExport> circuits = List.of(one.placed(0, 3, "bottleneck"),
        one.placed(1, 3, "decoder stage 1 (1/2 of the input, 32 channels)"),
        one.placed(2, 3, "decoder stage 2 (full resolution, 16 channels)"));
    ModelOverview overview = new ModelOverview(WebTestData.MODEL, "plain", 16, 2, "quantum", false,
        RING, new double[16], Map.of(), Optional.empty(), Optional.empty(), "decoder", circuits,
        true);
    ModelView view = new ModelView(overview);
    String text = view.getElement().getTextRecursively();
    assertThat(text).contains("3 variational quantum circuits: one at its bottleneck and one after "
        + "each decoder stage", "3 (bottleneck + 2 decoder stages)", "48",
        "Decoder gates (placement decoder): after each decoder stage (2 of them)",
        "This model has 3 circuits of the same shape, each with its own trained angles",
        "1 at the decoder stage 1 (1/2 of the input, 32 channels)",
        "Circuit 2: decoder stage 2 (full resolution, 16 channels)", "--circuit 2");
    for (String id : List.of("circuit-diagram", "circuit-diagram-1", "circuit-diagram-2",
        "circuit-qasm", "circuit-qasm-1", "circuit-qasm-2")) {
      assertThat(find(view, id)).as(id).isPresent();
    }
    assertThat(find(view, "circuit-qasm-2").get().getElement().getTextRecursively())
        .isEqualTo("Download circuit 2 as OpenQASM 3");
  }

  @Test
  void aClassicalModelHasNoCircuitToDownload() {
    ModelOverview overview = new ModelOverview(WebTestData.MODEL, "plain", 16, 4, "classical",
        false, List.of(), new double[0], Map.of(), Optional.empty(), Optional.empty());
    ModelView view = new ModelView(overview);
    assertThat(view.getElement().getTextRecursively()).contains("classical mixer: no circuit");
    assertThat(find(view, "circuit-qasm")).isEmpty();
  }

  @Test
  void formatsTrainingValuesForPeople() {
    assertThat(ModelView.format("trainingSeconds", 7200.0)).isEqualTo("2.0 h (120 min)");
    assertThat(ModelView.format("data", List.of("a", "b"))).isEqualTo("a, b");
    assertThat(ModelView.format("learningRate", 0.002)).isEqualTo("0.0020");
  }

  private static ModelOverview overview(Optional<String> card) {
    double[] angles = new double[16];
    return new ModelOverview(WebTestData.MODEL, "plain", 16, 4, "quantum", false, RING, angles,
        Map.of("bestValidationDice", 0.71234, "optimizer", "Adam", "epochsDone", 30,
            "data", List.of("../shared/datasets/TrainDataset"),
            "savedAt", "2026-12-02T05:34:12.234996200Z"),
        card, Optional.empty());
  }

  private static Optional<Component> find(Component root, String id) {
    return descendants(root).filter(c -> c.getId().filter(id::equals).isPresent()).findFirst();
  }

  private static Stream<Component> descendants(Component c) {
    return Stream.concat(Stream.of(c), c.getChildren().flatMap(ModelViewTest::descendants));
  }
}
