package org.polypseg.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Inferences on several cores all run on one thread, whichever thread asks (so that PyTorch's
 * OpenMP keeps a single team of workers, which then spin between operators instead of sleeping);
 * one-core inferences stay on the thread that asks; what the work throws reaches the caller as is.
 */
class TorchThreadsTest {

  @BeforeAll
  static void loadEngine() {
    Engine.getEngine("PyTorch");
  }

  @Test
  void everyMultiCoreRunIsOnOneThreadWithThatManyThreadsAndOneCoreRunsStayPut() throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(3);
    try {
      List<Future<String[]>> runs = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        runs.add(callers.submit(() -> {
          String wide = TorchThreads.onCores(2,
              () -> Thread.currentThread().getName() + "/" + JniUtils.getNumThreads());
          String narrow = TorchThreads.onCores(1,
              () -> Thread.currentThread().getName() + "/" + JniUtils.getNumThreads());
          return new String[] {wide, narrow, Thread.currentThread().getName()};
        }));
      }
      for (Future<String[]> run : runs) {
        String[] names = run.get();
        assertThat(names[0]).isEqualTo("inference-all-cores/2");
        assertThat(names[1]).isEqualTo(names[2] + "/1");
      }
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void whatTheWorkThrowsReachesTheCaller() {
    assertThatThrownBy(() -> TorchThreads.onCores(2, () -> {
      throw new IllegalArgumentException("bad frame");
    })).isInstanceOf(IllegalArgumentException.class).hasMessage("bad frame");
    assertThatThrownBy(() -> TorchThreads.onCores(2, () -> {
      throw new OutOfMemoryError("native");
    })).isInstanceOf(OutOfMemoryError.class);
    // The thread survives what its work threw.
    assertThat(TorchThreads.onCores(2, () -> 7)).isEqualTo(7);
  }
}
