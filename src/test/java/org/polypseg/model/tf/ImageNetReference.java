package org.polypseg.model.tf;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import tools.jackson.databind.JsonNode;

/**
 * The checks of a pretrained encoder against a shared {@code reference.json} (computed
 * independently from the original graph in float64): the same top-5, logits within 1e-3 ×
 * max|logit|, and every feature tap's mean, first channel means and corner values within 1e-3 of
 * that tap's largest reference value. A padding error shows at once in the bottom-right values.
 */
public final class ImageNetReference {

  private ImageNetReference() {}

  public static void checkLogits(String file, float[] logits, int classes, JsonNode picture) {
    assertThat(logits).hasSize(classes);
    float maxAbs = 0;
    for (float l : logits) {
      maxAbs = Math.max(maxAbs, Math.abs(l));
    }
    Offset<Double> tolerance = Offset.offset(1e-3 * maxAbs);
    List<Integer> expectedTop5 = new ArrayList<>();
    for (JsonNode top : picture.get("top5")) {
      int index = top.get("index").asInt();
      expectedTop5.add(index);
      assertThat((double) logits[index]).as(file + " logit of " + top.get("label").asString())
          .isCloseTo(top.get("logit").asDouble(), tolerance);
    }
    assertThat(top5(logits)).as(file + " top-5").containsExactlyElementsOf(expectedTop5);
    JsonNode first8 = picture.get("logits_first_8");
    for (int i = 0; i < 8; i++) {
      assertThat((double) logits[i]).as(file + " logit " + i).isCloseTo(first8.get(i).asDouble(), tolerance);
    }
  }

  private static List<Integer> top5(float[] logits) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < logits.length; i++) {
      order.add(i);
    }
    order.sort((a, b) -> Float.compare(logits[b], logits[a]));
    return order.subList(0, 5);
  }

  public static void checkTap(String what, NDArray tap, JsonNode expected) {
    Shape shape = tap.getShape();
    List<Long> expectedShape = new ArrayList<>();
    expected.get("shape").forEach(n -> expectedShape.add(n.asLong()));
    assertThat(shape.getShape()).as(what + " shape").containsExactly(
        expectedShape.stream().mapToLong(Long::longValue).toArray());
    int plane = (int) (shape.get(2) * shape.get(3));
    float[] v = tap.toFloatArray();
    List<double[]> pairs = new ArrayList<>(); // {actual, expected}
    double mean = 0;
    for (float f : v) {
      mean += f;
    }
    pairs.add(new double[] {mean / v.length, expected.get("mean").asDouble()});
    for (int c = 0; c < 8; c++) {
      double channelMean = 0;
      for (int p = 0; p < plane; p++) {
        channelMean += v[c * plane + p];
      }
      pairs.add(new double[] {channelMean / plane, expected.get("first_8_channel_means").get(c).asDouble()});
      pairs.add(new double[] {v[c * plane], expected.get("first_8_channels_at_0_0").get(c).asDouble()});
      pairs.add(new double[] {v[c * plane + plane - 1],
          expected.get("first_8_channels_at_last_last").get(c).asDouble()});
    }
    double scale = pairs.stream().mapToDouble(p -> Math.abs(p[1])).max().orElse(1);
    for (double[] p : pairs) {
      assertThat(p[0]).as(what).isCloseTo(p[1], Offset.offset(1e-3 * scale + 1e-6));
    }
  }
}
