package org.polypseg.archive;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Holds this JVM to one core and lets it go again, for the benchmark's one-core job: every thread
 * there is (Spark's, PyTorch's, the collector's) is moved, and threads started later inherit the
 * affinity of the thread that starts them. The core is the first of those the JVM was given (a
 * container or {@code taskset} may have given it any), and release gives back exactly that list.
 * Linux's {@code taskset}; where it is missing or refuses, nothing is held and the caller says so.
 */
final class OneCore {

  private final String given;

  private OneCore(String given) {
    this.given = given;
  }

  /** @return the hold, to release; empty when the JVM could not be held to one core */
  static Optional<OneCore> hold(PrintStream log) {
    Optional<String> given = taskset(List.of("--cpu-list", "--pid"), log)
        .map(OneCore::affinityList);
    if (given.isEmpty() || given.get().isEmpty()) {
      return Optional.empty();
    }
    String first = given.get().split("[,-]", 2)[0];
    return taskset(List.of("--all-tasks", "--cpu-list", "--pid", first), log)
        .map(ignored -> new OneCore(given.get()));
  }

  /** The cores the JVM had before {@link #hold}. */
  void release(PrintStream log) {
    taskset(List.of("--all-tasks", "--cpu-list", "--pid", given), log);
  }

  /** "pid 42's current affinity list: 0,2-3" gives "0,2-3". */
  static String affinityList(String tasksetOutput) {
    int colon = tasksetOutput.lastIndexOf(':');
    return (colon < 0 ? "" : tasksetOutput.substring(colon + 1)).strip();
  }

  /** @return taskset's output when it succeeded */
  private static Optional<String> taskset(List<String> arguments, PrintStream log) {
    List<String> command = new ArrayList<>();
    command.add("taskset");
    command.addAll(arguments);
    command.add(Long.toString(ProcessHandle.current().pid()));
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        log.println("taskset could not read or set this JVM's cores (" + output.strip() + ")");
        return Optional.empty();
      }
      return Optional.of(output);
    } catch (IOException e) {
      log.println("taskset is not available (" + e.getMessage() + "): local[1] uses every core");
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
