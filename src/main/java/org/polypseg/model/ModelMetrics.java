package org.polypseg.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shipped model's validated test figures, read from {@code metrics.json} in the model folder:
 * the machine-readable twin of the figures in {@code MODEL_CARD.md}.
 *
 * <p>Format (every entry of {@code testSets} may be the whole JSON that {@code evaluate --json}
 * writes; other keys are ignored):
 *
 * <pre>{@code
 * {
 *   "protocol": "PraNet eval/main.m: ...",            optional, free text
 *   "testSets": {
 *     "Kvasir-SEG":   {"images": 100, "mDice": 0.86, "mIoU": 0.79, "maxDice": 0.87,
 *                      "model": {"sha256": "..."}},   maxDice and model optional
 *     "CVC-ClinicDB": {"images": 62, "mDice": 0.88, "mIoU": 0.82}
 *   }
 * }
 * }</pre>
 *
 * @param protocol how the figures were measured, or null
 * @param testSets one entry per test set, in the file's order
 */
public record ModelMetrics(String protocol, List<TestSetFigures> testSets) {

  public static final String FILE = "metrics.json";

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  /**
   * Figures on one test set.
   *
   * @param name test set, e.g. "Kvasir-SEG"
   * @param images images in the test set
   * @param mDice mean Dice over the 256 thresholds, 0..1
   * @param mIoU mean IoU over the 256 thresholds, 0..1
   * @param maxDice Dice at the best threshold, 0..1, or null when not given
   * @param modelSha256 SHA-256 of the weights that were measured, or null when not given
   */
  public record TestSetFigures(
      String name, int images, double mDice, double mIoU, Double maxDice, String modelSha256) {

    /** False when the figures name other weights than {@code sha256}; true when they name none. */
    public boolean measures(String sha256) {
      return modelSha256 == null || modelSha256.equalsIgnoreCase(sha256);
    }
  }

  /**
   * Reads {@code metrics.json} from a model folder.
   *
   * @return empty when the folder has no such file (figures not yet measured)
   * @throws ModelLoadException when the file exists but cannot be read; the message names it
   */
  public static Optional<ModelMetrics> read(Path modelDir) throws ModelLoadException {
    Path file = modelDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (JacksonException e) {
      throw new ModelLoadException(file + ": not valid JSON (" + e.getOriginalMessage() + ")", e);
    }
    if (root == null || !root.isObject() || !root.path("testSets").isObject()) {
      throw new ModelLoadException(file + ": expected an object with a \"testSets\" object", null);
    }
    List<TestSetFigures> sets = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : root.get("testSets").properties()) {
      JsonNode set = entry.getValue();
      String where = file + ": testSets." + entry.getKey();
      sets.add(new TestSetFigures(entry.getKey(),
          (int) number(set, "images", where), number(set, "mDice", where),
          number(set, "mIoU", where),
          set.path("maxDice").isNumber() ? set.get("maxDice").doubleValue() : null,
          set.path("model").path("sha256").isString()
              ? set.get("model").get("sha256").stringValue() : null));
    }
    String protocol = root.path("protocol").isString() ? root.get("protocol").stringValue() : null;
    return Optional.of(new ModelMetrics(protocol, List.copyOf(sets)));
  }

  private static double number(JsonNode set, String key, String where) throws ModelLoadException {
    JsonNode value = set.path(key);
    if (!value.isNumber()) {
      throw new ModelLoadException(where + ": missing number \"" + key + "\"", null);
    }
    return value.doubleValue();
  }
}
