package org.polypseg.web.audit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log: one JSON line per access to patient data (see {@link AuditEvent}), so that a site
 * can answer "who ran what, when" without the log itself holding patient data.
 *
 * <p>Written by Logback, in a logger context of its own: the lines are exactly the JSON (no level
 * or logger name in front), the application's logging settings cannot route them elsewhere or
 * silence them, and rolling over (daily and by size, old files gzipped, kept for
 * {@code max-history} days) is Logback's.
 */
public final class AuditLog implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final LoggerContext context;
  private final Logger logger;
  private final Clock clock;

  public AuditLog(AuditProperties properties, Clock clock) {
    this.clock = clock;
    this.context = new LoggerContext();
    context.setName("polypseg-audit");
    // A context made by hand has no MDC adapter; events cannot be written without one.
    context.setMDCAdapter(new LogbackMDCAdapter());
    context.start();
    this.logger = context.getLogger("polypseg.audit");
    logger.setAdditive(false);
    if (properties.enabled()) {
      logger.addAppender(appender(properties));
    } else {
      logger.setLevel(ch.qos.logback.classic.Level.OFF);
    }
  }

  /** Records one event. */
  public void record(AuditEvent event) {
    logger.info(JSON.writeValueAsString(event));
  }

  /**
   * Starts recording an access by the current request's {@link Actor}; call {@link Entry#end} once
   * it is over.
   */
  public Entry begin(AuditAction action) {
    return begin(action, Actor.current());
  }

  /** Starts recording an access by {@code actor} (captured on the request thread). */
  public Entry begin(AuditAction action, Actor actor) {
    return new Entry(action, actor, System.nanoTime());
  }

  /** One access being recorded. Not thread-safe; ended once. */
  public final class Entry {
    private final AuditAction action;
    private final Actor actor;
    private final long startNanos;
    private final List<String> uploads = new ArrayList<>();
    private String item;
    private boolean ended;

    private Entry(AuditAction action, Actor actor, long startNanos) {
      this.action = action;
      this.actor = actor;
      this.startNanos = startNanos;
    }

    /** Adds an upload's hash tag. */
    public Entry upload(String tag) {
      uploads.add(tag);
      return this;
    }

    /** Adds the hash tags of several uploads. */
    public Entry uploads(List<String> tags) {
      uploads.addAll(tags);
      return this;
    }

    /** What was made or downloaded (never a file name): {@code pdf}, {@code mask.png}, … */
    public Entry item(String what) {
      this.item = what;
      return this;
    }

    /** Writes the line, with the outcome and (for API requests; else null) the HTTP status. */
    public void end(String outcome, Integer status) {
      if (ended) {
        return;
      }
      ended = true;
      long ms = Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
      record(new AuditEvent(Instant.now(clock), actor.user(), actor.address(), action.label(),
          uploads, outcome, status, item, ms));
    }

    /** {@link #end(String, Integer)} without a status (the page). */
    public void end(String outcome) {
      end(outcome, null);
    }
  }

  private OutputStreamAppender<ILoggingEvent> appender(AuditProperties properties) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%msg%n");
    encoder.start();
    OutputStreamAppender<ILoggingEvent> appender;
    if (properties.file().isBlank()) {
      ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
      console.setContext(context);
      appender = console;
    } else {
      String file = Path.of(properties.file()).toAbsolutePath().toString();
      RollingFileAppender<ILoggingEvent> rolling = new RollingFileAppender<>();
      rolling.setContext(context);
      rolling.setFile(file);
      SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
      policy.setContext(context);
      policy.setParent(rolling);
      policy.setFileNamePattern(file + ".%d{yyyy-MM-dd}.%i.gz");
      policy.setMaxFileSize(new FileSize(properties.maxFileSize().toBytes()));
      policy.setMaxHistory(properties.maxHistory());
      policy.start();
      rolling.setRollingPolicy(policy);
      appender = rolling;
    }
    appender.setName("audit");
    appender.setEncoder(encoder);
    // Each line reaches the file or the terminal before the request is answered.
    appender.setImmediateFlush(true);
    appender.start();
    if (!appender.isStarted() || context.getStatusManager().getCopyOfStatusList().stream()
        .anyMatch(status -> status.getLevel() == ch.qos.logback.core.status.Status.ERROR)) {
      throw new IllegalStateException("polypseg.audit.file: cannot write " + properties.file());
    }
    return appender;
  }

  @Override
  public void close() {
    context.stop();
  }
}
