package org.polypseg.report;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the reports write numbers: the same in Word and PDF, independent of the system locale. */
final class Numbers {

  static final String DASH = "\u2014";

  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm", Locale.UK);
  private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xxx", Locale.ROOT);

  private Numbers() {}

  /**
   * A date and time with its zone named, so that a reader elsewhere is not misled:
   * "2 December 2026, 09:14 (Europe/Berlin, UTC+01:00)"; "… (UTC)" for UTC itself.
   */
  static String dateTime(ZonedDateTime t) {
    String offset = t.getOffset().equals(ZoneOffset.UTC) ? "UTC" : "UTC" + OFFSET.format(t);
    String zone = t.getZone() instanceof ZoneOffset ? "" : t.getZone().getId();
    boolean sameName = zone.isEmpty() || zone.equals("UTC") || zone.equals("Z")
        || zone.equals("Etc/UTC") && offset.equals("UTC");
    return DATE_TIME.format(t) + " (" + (sameName ? offset : zone + ", " + offset) + ")";
  }

  static String threshold(double t) {
    return String.format(Locale.ROOT, "%.2f", t);
  }

  /** Pixels with thousands separators: 12,345. */
  static String pixels(double px) {
    return String.format(Locale.ROOT, "%,d", Math.round(px));
  }

  /** A fraction 0..1 as a percentage with two decimals, without the % sign. */
  static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.2f", fraction * 100);
  }

  /** Dice, IoU, probabilities: three decimals. */
  static String score(double value) {
    return String.format(Locale.ROOT, "%.3f", value);
  }

  static String score(Double value) {
    return value == null ? DASH : score(value.doubleValue());
  }

  static String millis(double ms) {
    return String.format(Locale.ROOT, "%.0f", ms);
  }

  /** "mean ± sd" in a given format; the dash for no values, the mean alone for one. */
  static String meanSd(Stats stats, java.util.function.DoubleFunction<String> format) {
    if (stats.n() == 0) {
      return DASH;
    }
    if (stats.n() == 1) {
      return format.apply(stats.mean());
    }
    return format.apply(stats.mean()) + " \u00b1 " + format.apply(stats.sd());
  }
}
