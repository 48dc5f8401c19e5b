package org.polypseg.archive;

/**
 * One row of the {@code errors} table: a file that could not be used.
 *
 * @param source the file
 * @param kind {@code frame}, {@code clip} or {@code mask}
 * @param reason why, naming the file, as the command line would say it
 */
public record ErrorRecord(String source, String kind, String reason) {}
