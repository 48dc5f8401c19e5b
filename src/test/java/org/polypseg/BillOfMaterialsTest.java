package org.polypseg;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import com.vaadin.flow.server.Version;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The build's CycloneDX bill of materials (cyclonedx-maven-plugin, at
 * {@code META-INF/sbom/application.cdx.json} on the class path, so in the jar) lists the parts
 * that matter, with the versions that actually run.
 */
class BillOfMaterialsTest {

  @Test
  void theSbomListsDjlPytorchVaadinAndSpringBootWithTheirVersions() throws Exception {
    JsonNode bom;
    try (InputStream in = getClass().getResourceAsStream("/META-INF/sbom/application.cdx.json")) {
      assertThat(in).as("META-INF/sbom/application.cdx.json: built by mvn generate-resources")
          .isNotNull();
      bom = JsonMapper.builder().build().readTree(in);
    }
    assertThat(bom.path("bomFormat").asString()).isEqualTo("CycloneDX");
    assertThat(bom.path("metadata").path("component").path("name").asString())
        .isEqualTo("polypseg");
    Map<String, JsonNode> components = new HashMap<>();
    for (JsonNode c : bom.path("components")) {
      components.put(c.path("group").asString() + ":" + c.path("name").asString(), c);
    }

    String djl = Engine.getDjlVersion();
    assertThat(version(components, "ai.djl:api")).isEqualTo(djl);
    assertThat(version(components, "ai.djl.pytorch:pytorch-engine")).isEqualTo(djl);
    String jni = version(components, "ai.djl.pytorch:pytorch-jni");
    String pytorch = version(components, "ai.djl.pytorch:pytorch-native-cpu");
    assertThat(jni).isEqualTo(pytorch + "-" + djl);
    assertThat(components.get("ai.djl.pytorch:pytorch-native-cpu").path("purl").asString())
        .contains("classifier=linux-x86_64");
    assertThat(version(components, "com.vaadin:flow-server")).isEqualTo(Version.getFullVersion());
    assertThat(version(components, "com.vaadin:vaadin-core-components")).startsWith("25.");
    assertThat(version(components, "org.springframework.boot:spring-boot"))
        .isEqualTo(SpringBootVersion.getVersion());
    assertThat(version(components, "org.redfx:strange")).isNotBlank();

    // FFmpeg (through JavaCV) is shipped with the linux-x86_64 natives only, no other platform's.
    assertThat(version(components, "org.bytedeco:ffmpeg")).isEqualTo(
        org.bytedeco.ffmpeg.global.avutil.av_version_info().getString() + "-1.5.12");
    for (JsonNode c : bom.path("components")) {
      String purl = c.path("purl").asString();
      if (purl.startsWith("pkg:maven/org.bytedeco/") && purl.contains("classifier=")) {
        assertThat(purl).as("a native artifact of JavaCV").contains("classifier=linux-x86_64");
      }
    }
    assertThat(components).doesNotContainKeys("org.bytedeco:opencv", "org.openjfx:javafx-graphics");

    // Every component names its licence, and test-only libraries are not shipped.
    for (JsonNode c : bom.path("components")) {
      assertThat(c.path("licenses").isEmpty()).as(c.path("purl").asString() + " has a licence")
          .isFalse();
    }
    assertThat(components).doesNotContainKeys("org.junit.jupiter:junit-jupiter-api",
        "com.tngtech.archunit:archunit");
  }

  private static String version(Map<String, JsonNode> components, String key) {
    assertThat(components).as("the SBOM lists " + key).containsKey(key);
    return components.get(key).path("version").asString();
  }
}
