package org.polypseg.web.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The audit log's lines as written by Logback to a file, and its settings' bad input. */
class PageAuditTest {

  @TempDir Path folder;

  @Test
  void anEntryIsOneJsonLineWrittenAtOnce() throws Exception {
    Path file = folder.resolve("audit.jsonl");
    try (AuditLog log = new AuditLog(new AuditProperties(true, file.toString(),
        DataSize.ofMegabytes(1), 7), Clock.systemUTC())) {
      log.begin(AuditAction.DOWNLOAD, new Actor("alice", "10.0.0.7"))
          .upload("upload-0123abcd").item("mask.png").end("ok");
      log.begin(AuditAction.SEGMENT, new Actor(null, "10.0.0.8")).end("rate-limited");
      // Written before the call returns: nothing is lost if the server stops right after.
      List<String> lines = Files.readAllLines(file);
      assertThat(lines).hasSize(2);
      JsonNode first = JsonMapper.builder().build().readTree(lines.get(0));
      assertThat(first.get("user").asString()).isEqualTo("alice");
      assertThat(first.get("action").asString()).isEqualTo("download");
      assertThat(first.get("item").asString()).isEqualTo("mask.png");
      assertThat(first.get("uploads").get(0).asString()).isEqualTo("upload-0123abcd");
      JsonNode second = JsonMapper.builder().build().readTree(lines.get(1));
      assertThat(second.has("user")).isFalse();
      assertThat(second.has("status")).isFalse();
      assertThat(second.get("outcome").asString()).isEqualTo("rate-limited");
    }
  }

  @Test
  void aLogFileThatCannotBeWrittenStopsTheStartUpWithTheSettingNamed() throws Exception {
    Path blocker = Files.writeString(folder.resolve("a-file"), "x");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AuditProperties(true,
            blocker.resolve("audit.jsonl").toString(), DataSize.ofMegabytes(1), 7))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("polypseg.audit.file");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AuditProperties(true,
            folder.toString(), DataSize.ofMegabytes(1), 7))
        .hasMessageContaining("is a folder");
  }
}
