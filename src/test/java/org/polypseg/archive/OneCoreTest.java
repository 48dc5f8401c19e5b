package org.polypseg.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OneCoreTest {

  @Test
  void readsTheListFromWhatTasksetPrints() {
    assertEquals("0,2-3", OneCore.affinityList("pid 42's current affinity list: 0,2-3\n"));
    assertEquals("", OneCore.affinityList("no list here"));
  }

  /** The benchmark's hold must give this JVM back exactly the cores it had, not every core. */
  @Test
  void holdsOneOfTheJvmsOwnCoresAndGivesBackExactlyTheListItHad() throws Exception {
    String before = affinity();
    assumeTrue(before != null, "taskset is not available here");
    PrintStream log = new PrintStream(new ByteArrayOutputStream());
    Optional<OneCore> hold = OneCore.hold(log);
    assumeTrue(hold.isPresent(), "this machine refuses taskset");
    try {
      assertEquals(before.split("[,-]", 2)[0], affinity(), "held to the first of its own cores");
    } finally {
      hold.get().release(log);
    }
    assertEquals(before, affinity());
  }

  private static String affinity() throws IOException, InterruptedException {
    try {
      Process p = new ProcessBuilder("taskset", "--cpu-list", "--pid",
          Long.toString(ProcessHandle.current().pid())).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      return p.waitFor() == 0 ? OneCore.affinityList(out) : null;
    } catch (IOException e) {
      return null;
    }
  }
}
