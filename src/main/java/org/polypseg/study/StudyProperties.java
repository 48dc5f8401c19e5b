package org.polypseg.study;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Annotation studies, under {@code polypseg.studies.*}.
 *
 * @param enabled false turns studies off (no database is opened)
 * @param database where studies are kept
 * @param serverFolders folders on the server (with their subfolders) that owners may add frames
 *     and clips from by path; empty (the default): any folder the server can read
 */
@ConfigurationProperties("polypseg.studies")
public record StudyProperties(@DefaultValue("true") boolean enabled, @DefaultValue Database database,
    List<String> serverFolders) {

  /** The default: an H2 file under {@code ./data}, created on first use. */
  public static final String DEFAULT_URL = "jdbc:h2:file:./data/studies";

  @ConstructorBinding
  public StudyProperties {
    database = database == null ? Database.DEFAULT : database;
    serverFolders = serverFolders == null ? List.of() : List.copyOf(serverFolders);
  }

  /** Studies on {@code database}, frames readable from any folder of the server. */
  public StudyProperties(boolean enabled, Database database) {
    this(enabled, database, List.of());
  }

  /**
   * The study database.
   *
   * @param url JDBC URL: {@code jdbc:h2:file:./data/studies} (the default, an embedded file) or
   *     {@code jdbc:postgresql://HOST:5432/DB} for a department server
   * @param username database user ({@code sa} for the embedded file)
   * @param password database password (better given as the environment variable
   *     {@code POLYPSEG_STUDIES_DATABASE_PASSWORD})
   * @param poolSize connections kept open, at least 1
   * @param connectTimeout how long start-up waits for the database before studies are turned off
   *     with a message (the rest of the app starts regardless)
   */
  public record Database(
      @DefaultValue(DEFAULT_URL) String url,
      @DefaultValue("sa") String username,
      @DefaultValue("") String password,
      @DefaultValue("10") int poolSize,
      @DefaultValue("5s") Duration connectTimeout) {

    public static final Database DEFAULT =
        new Database(DEFAULT_URL, "sa", "", 10, Duration.ofSeconds(5));

    public Database {
      if (url == null || !url.startsWith("jdbc:")) {
        throw new IllegalArgumentException("polypseg.studies.database.url must be a JDBC URL "
            + "(jdbc:h2:file:./data/studies or jdbc:postgresql://HOST:5432/DB), not " + url);
      }
      if (poolSize < 1) {
        throw new IllegalArgumentException("polypseg.studies.database.pool-size must be at least 1");
      }
      if (connectTimeout == null || connectTimeout.toMillis() < 250) {
        throw new IllegalArgumentException(
            "polypseg.studies.database.connect-timeout must be at least 250ms");
      }
    }

    /** The URL without its parameters (which may carry a password), for messages. */
    public String safeUrl() {
      int cut = url.indexOf('?');
      int semi = url.indexOf(';');
      int end = cut < 0 ? semi : semi < 0 ? cut : Math.min(cut, semi);
      return end < 0 ? url : url.substring(0, end);
    }
  }
}
