package org.polypseg.study;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The study database: a connection pool, the schema brought up to date by Flyway
 * ({@code classpath:db/study}, the same scripts for H2 and PostgreSQL), and plain Spring JDBC on
 * top. Opened at start-up; when the database cannot be reached or migrated, studies are off with
 * one clear message (logged, and the answer to every study action) and the rest of the app runs
 * on. A later study action tries again, at most every {@link #RETRY_AFTER}, so studies come back
 * once the database does.
 */
public final class StudyDatabase implements AutoCloseable {

  /** The least time between two attempts to open an unreachable database. */
  static final Duration RETRY_AFTER = Duration.ofSeconds(30);

  private static final Logger log = LoggerFactory.getLogger(StudyDatabase.class);

  private final StudyProperties.Database settings;
  private final boolean enabled;
  private final Clock clock;
  private volatile Open open;
  private volatile StudiesUnavailableException unavailable;
  private volatile Instant lastAttempt = Instant.MIN;

  /** The pool with its JDBC and transaction helpers. */
  record Open(HikariDataSource dataSource, JdbcClient jdbc, TransactionTemplate transactions) {}

  private StudyDatabase(StudyProperties properties, Clock clock) {
    this.settings = properties.database();
    this.enabled = properties.enabled();
    this.clock = clock;
  }

  /**
   * Opens and migrates the database, or records why not (see {@link #unavailableReason()});
   * never throws for an unreachable database.
   */
  public static StudyDatabase open(StudyProperties properties, Clock clock) {
    StudyDatabase database = new StudyDatabase(properties, clock);
    if (!properties.enabled()) {
      database.unavailable = new StudiesUnavailableException("Annotation studies are turned off "
          + "(polypseg.studies.enabled=false).", null);
      log.info("Annotation studies are turned off (polypseg.studies.enabled=false)");
      return database;
    }
    database.tryOpen();
    return database;
  }

  /** True when studies can be used now. */
  public boolean available() {
    return open != null;
  }

  /** Why studies are off, or null when they are on. */
  public String unavailableReason() {
    StudiesUnavailableException e = unavailable;
    return open != null || e == null ? null : e.getMessage();
  }

  /** The database's URL without parameters, for messages and the log. */
  public String describe() {
    return settings.safeUrl();
  }

  /** Throws the reason studies are off (trying the database again first, if due). */
  void check() {
    require();
  }

  JdbcClient jdbc() {
    return require().jdbc();
  }

  TransactionTemplate transactions() {
    return require().transactions();
  }

  /** The pool, for tests that count rows; null while studies are off. */
  DataSource dataSource() {
    Open o = open;
    return o == null ? null : o.dataSource();
  }

  private Open require() {
    Open o = open;
    if (o != null) {
      return o;
    }
    if (enabled && Duration.between(lastAttempt, clock.instant()).compareTo(RETRY_AFTER) >= 0) {
      synchronized (this) {
        if (open == null
            && Duration.between(lastAttempt, clock.instant()).compareTo(RETRY_AFTER) >= 0) {
          tryOpen();
        }
      }
      if (open != null) {
        return open;
      }
    }
    throw unavailable;
  }

  private synchronized void tryOpen() {
    lastAttempt = clock.instant();
    HikariDataSource pool = null;
    try {
      HikariConfig config = new HikariConfig();
      config.setPoolName("polypseg-studies");
      config.setJdbcUrl(settings.url());
      config.setUsername(settings.username());
      config.setPassword(settings.password());
      config.setMaximumPoolSize(settings.poolSize());
      config.setConnectionTimeout(settings.connectTimeout().toMillis());
      // Fail now (within the connect timeout) rather than on the first study action.
      config.setInitializationFailTimeout(settings.connectTimeout().toMillis());
      pool = new HikariDataSource(config);
      Flyway.configure().dataSource(pool).locations("classpath:db/study")
          .table("study_schema_history").load().migrate();
      open = new Open(pool, JdbcClient.create(pool),
          new TransactionTemplate(new DataSourceTransactionManager(pool)));
      unavailable = null;
      log.info("Annotation studies: database {} ready", settings.safeUrl());
    } catch (RuntimeException e) {
      if (pool != null) {
        pool.close();
      }
      String message = "Annotation studies are unavailable: the study database "
          + settings.safeUrl() + " cannot be used (" + rootMessage(e) + "). The rest of the app "
          + "works; check polypseg.studies.database.url, username and password (and that the "
          + "server runs), then restart or try again in " + RETRY_AFTER.toSeconds() + " s.";
      unavailable = new StudiesUnavailableException(message, e);
      log.warn(message);
    }
  }

  /**
   * The message for a database that stopped answering during an action: that action was not
   * done, and nothing saved before is lost (each save is one transaction).
   */
  StudiesUnavailableException lost(RuntimeException e) {
    log.warn("Study database {} stopped answering: {}", settings.safeUrl(), rootMessage(e));
    Open o = open;
    if (o != null && o.dataSource().getHikariPoolMXBean() != null) {
      // The pool's other connections died with this one; without this, the first actions after
      // the database is back would meet them and fail too.
      o.dataSource().getHikariPoolMXBean().softEvictConnections();
    }
    return new StudiesUnavailableException("The study database " + settings.safeUrl()
        + " stopped answering (" + rootMessage(e) + "). This action was not done; everything "
        + "saved before is kept. Try again when the database is back.", e);
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String m = root.getMessage();
    return m == null || m.isBlank() ? root.getClass().getSimpleName() : m.strip();
  }

  @Override
  public synchronized void close() {
    Open o = open;
    open = null;
    unavailable = new StudiesUnavailableException("The study database is closed.", null);
    lastAttempt = Instant.MAX;
    if (o != null) {
      o.dataSource().close();
    }
  }
}
