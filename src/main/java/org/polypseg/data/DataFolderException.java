package org.polypseg.data;

import java.util.List;

/** A data folder that cannot be used; lists every problem found, each naming its file. */
public class DataFolderException extends Exception {

  private final List<String> problems;

  public DataFolderException(List<String> problems) {
    super(format(problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }

  private static String format(List<String> problems) {
    StringBuilder sb = new StringBuilder();
    sb.append(problems.size()).append(problems.size() == 1 ? " problem" : " problems")
        .append(" in the data:");
    for (String p : problems) {
      sb.append(System.lineSeparator()).append("  - ").append(p);
    }
    return sb.toString();
  }
}
