package org.polypseg.archive;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Holds this JVM to the first core and lets it go again, for the benchmark's one-core job: every
 * thread there is (Spark's, PyTorch's, the collector's) is moved, and threads started later
 * inherit the affinity of the thread that starts them. Linux's {@code taskset}; where it is
 * missing or refuses, nothing is held and the caller says so.
 */
final class OneCore {

  private OneCore() {}

  /** @return whether the JVM is now held to one core */
  static boolean hold(PrintStream log) {
    return taskset("0", log);
  }

  /** Every core of the machine again. */
  static void release(PrintStream log) {
    int cores = Runtime.getRuntime().availableProcessors();
    taskset(cores == 1 ? "0" : "0-" + (cores - 1), log);
  }

  private static boolean taskset(String cpus, PrintStream log) {
    List<String> command = List.of("taskset", "--all-tasks", "--cpu-list", "--pid", cpus,
        Long.toString(ProcessHandle.current().pid()));
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        log.println("taskset could not set this JVM's cores (" + output.strip() + ")");
        return false;
      }
      return true;
    } catch (IOException e) {
      log.println("taskset is not available (" + e.getMessage() + "): local[1] uses every core");
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
