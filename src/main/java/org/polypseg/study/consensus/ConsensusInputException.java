package org.polypseg.study.consensus;

import java.util.List;

/**
 * Rater folders that cannot be combined; names every problem found, each with its folder or file.
 */
public class ConsensusInputException extends Exception {

  /** Problems listed in the message at most; the rest are counted. */
  static final int LISTED = 20;

  private final List<String> problems;

  public ConsensusInputException(List<String> problems) {
    super(format(problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }

  private static String format(List<String> problems) {
    if (problems.size() == 1) {
      return problems.getFirst();
    }
    StringBuilder sb = new StringBuilder();
    sb.append(problems.size()).append(" problems with the rater folders:");
    for (String p : problems.subList(0, Math.min(LISTED, problems.size()))) {
      sb.append(System.lineSeparator()).append("  - ").append(p);
    }
    if (problems.size() > LISTED) {
      sb.append(System.lineSeparator()).append("  … and ").append(problems.size() - LISTED)
          .append(" more");
    }
    return sb.toString();
  }
}
