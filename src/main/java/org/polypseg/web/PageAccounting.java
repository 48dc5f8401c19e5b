package org.polypseg.web;

import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongConsumer;
import org.polypseg.web.audit.Actor;
import org.polypseg.web.audit.AuditAction;
import org.polypseg.web.audit.AuditLog;
import org.polypseg.web.audit.AuditProperties;
import org.polypseg.web.fairuse.FairUse;
import org.polypseg.web.fairuse.FairUseProperties;
import org.polypseg.web.fairuse.RetryAfter;
import org.springframework.util.unit.DataSize;

/**
 * What the page does around each access to patient data, as the API does: the costly ones that
 * are not inference (making a report, analysing a clip) are taken from the user's allowance
 * ({@link FairUse}, shared with the API; images are shared out by the fair inference queue), and
 * every one is written to the {@link AuditLog}.
 */
public final class PageAccounting {

  private final AuditLog audit;
  private final FairUse fairUse;

  public PageAccounting(AuditLog audit, FairUse fairUse) {
    this.audit = audit;
    this.fairUse = fairUse;
  }

  /** No limit and no log: for tests of the page that are about something else. */
  public static PageAccounting off() {
    return new PageAccounting(
        new AuditLog(new AuditProperties(false, "", DataSize.ofMegabytes(1), 1),
            java.time.Clock.systemUTC()),
        new FairUse(new FairUseProperties(0, 1)));
  }

  /**
   * Takes one costly request from the allowance of the actor {@code audit} was begun for. When
   * the allowance is used up, ends the audit line as {@code rate-limited} and returns the whole
   * seconds to wait, for the message; empty when the request may go on.
   */
  OptionalLong overAllowance(Actor actor, AuditLog.Entry audit) {
    Optional<Duration> wait = fairUse.take(actor.key());
    if (wait.isEmpty()) {
      return OptionalLong.empty();
    }
    audit.end("rate-limited");
    return OptionalLong.of(RetryAfter.seconds(wait.get()));
  }

  /** What the page says when {@code what} (e.g. "The PDF report") was refused over the allowance. */
  static String notMadeOverAllowance(String what, long seconds) {
    return what + " was not made: many requests came from here in a short time; try again in "
        + seconds + " s";
  }

  /** Starts an audit line for {@code actor}. */
  AuditLog.Entry begin(AuditAction action, Actor actor) {
    return audit.begin(action, actor);
  }

  /**
   * {@code handler}, with an audit line of the download ({@code item}: what it is, e.g.
   * {@code mask.png}) for the user asking, on the download request's own thread.
   */
  DownloadHandler audited(AuditAction action, List<String> uploads, String item,
      DownloadHandler handler) {
    return event -> {
      AuditLog.Entry entry = audit.begin(action, Actor.current()).uploads(uploads).item(item);
      run(entry, handler, event);
    };
  }

  /**
   * A download that can fail in a way it answers itself (a message on the page and an error
   * status) rather than by throwing: it says whether it served the file, so that the audit line
   * says {@code failed} for a report that was not made.
   */
  @FunctionalInterface
  interface Attempt {
    /** Serves the file and returns true, or answers the failure itself and returns false. */
    boolean serve(DownloadEvent event) throws java.io.IOException;
  }

  /**
   * {@code attempt} as {@link #audited}, for a download that costs as much as a request the API
   * counts (a clip's report segments its key frames): first taken from the user's allowance. When
   * that is used up the download answers 429 and {@code refused} is told the whole seconds to wait.
   */
  DownloadHandler costly(AuditAction action, List<String> uploads, String item,
      LongConsumer refused, Attempt attempt) {
    return event -> {
      Actor actor = Actor.current();
      AuditLog.Entry entry = audit.begin(action, actor).uploads(uploads).item(item);
      OptionalLong wait = overAllowance(actor, entry);
      if (wait.isPresent()) {
        refused.accept(wait.getAsLong());
        event.getResponse().setStatus(429);
        return;
      }
      run(entry, attempt, event);
    };
  }

  private static void run(AuditLog.Entry entry, DownloadHandler handler, DownloadEvent event)
      throws java.io.IOException {
    run(entry, e -> {
      handler.handleDownloadRequest(e);
      return true;
    }, event);
  }

  private static void run(AuditLog.Entry entry, Attempt attempt, DownloadEvent event)
      throws java.io.IOException {
    boolean served;
    try {
      served = attempt.serve(event);
    } catch (java.io.IOException | RuntimeException e) {
      entry.end("failed");
      throw e;
    }
    entry.end(served ? "ok" : "failed");
  }
}
