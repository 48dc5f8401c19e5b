package org.polypseg.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A study database that cannot be reached at start-up: studies are off with one message naming
 * the database and the reason, nothing is thrown at start-up, and every study action answers
 * with that message.
 */
class StudyDatabaseUnavailableTest {

  @Test
  void anUnreachableDatabaseTurnsStudiesOffWithAMessageNamingIt() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/studies";
    StudyProperties properties = new StudyProperties(true,
        new StudyProperties.Database(url + "?password=secret", "polypseg", "secret", 2,
            Duration.ofMillis(500)));

    try (StudyDatabase database = StudyDatabase.open(properties, Clock.systemUTC())) {
      assertThat(database.available()).isFalse();
      assertThat(database.unavailableReason())
          .contains("Annotation studies are unavailable")
          .contains(url)
          .contains("polypseg.studies.database.url")
          .doesNotContain("secret");
      StudyService service = new StudyService(database, null, StudyAudit.NONE, n -> true,
          Clock.systemUTC());
      assertThatThrownBy(() -> service.studies("olivia"))
          .isInstanceOf(StudiesUnavailableException.class)
          .hasMessageContaining(url);
    }
  }

  @Test
  void studiesTurnedOffSaySo() {
    StudyProperties off = new StudyProperties(false, StudyProperties.Database.DEFAULT);
    try (StudyDatabase database = StudyDatabase.open(off, Clock.systemUTC())) {
      assertThat(database.unavailableReason()).contains("polypseg.studies.enabled=false");
    }
  }

  @Test
  void theDefaultIsAnH2FileUnderData() {
    assertThat(new StudyProperties(true, null).database().url())
        .isEqualTo("jdbc:h2:file:./data/studies");
  }
}
