package org.polypseg.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web app's jar carries no Spark: its bill of materials (built from the same dependency scopes
 * Spring Boot packs, and shipped inside the jar) names no Spark, Hadoop or Scala component.
 */
class SparkOutOfTheWebAppTest {

  @Test
  void theWebAppsBillOfMaterialsNamesNoSparkHadoopOrScala() throws Exception {
    JsonNode bom;
    try (InputStream in = getClass().getResourceAsStream("/META-INF/sbom/application.cdx.json")) {
      assertThat(in).as("META-INF/sbom/application.cdx.json: built by mvn generate-resources")
          .isNotNull();
      bom = JsonMapper.builder().build().readTree(in);
    }
    List<String> groups = new ArrayList<>();
    for (JsonNode c : bom.path("components")) {
      groups.add(c.path("group").asString() + ":" + c.path("name").asString());
    }
    assertThat(groups).contains("ai.djl:api")
        .noneMatch(g -> g.startsWith("org.apache.spark:") || g.startsWith("org.apache.hadoop:")
            || g.startsWith("org.scala-lang:") || g.startsWith("org.apache.parquet:"));
  }
}
