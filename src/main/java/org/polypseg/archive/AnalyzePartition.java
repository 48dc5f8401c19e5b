package org.polypseg.archive;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.TaskContext;
import org.polypseg.segment.TorchThreads;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.util.LongAccumulator;

/**
 * A task's work: its files through {@link ArchiveAnalyzer}, one at a time, rows handed on as each
 * file is done (a partition's results are never all held at once). The model is the executor's
 * ({@link ExecutorModel}).
 */
final class AnalyzePartition implements FlatMapFunction<Iterator<List<WorkItem>>, Row> {

  private final ArchiveSettings settings;
  private final Map<String, String> hadoop;
  private final LongAccumulator framesDone;

  AnalyzePartition(ArchiveSettings settings, Map<String, String> hadoop,
      LongAccumulator framesDone) {
    this.settings = settings;
    this.hadoop = hadoop;
    this.framesDone = framesDone;
  }

  @Override
  public Iterator<Row> call(Iterator<List<WorkItem>> groups) {
    TaskContext task = TaskContext.get();
    int cpus = task == null ? 1 : task.cpus();
    ArchiveAnalyzer analyzer = new ArchiveAnalyzer(ExecutorModel.get(settings, cpus), settings,
        new HadoopFiles(hadoop));
    // The network runs on this thread: on the task's cores, whatever an earlier task on this
    // thread or the engine's start-up set (PyTorch keeps the count per thread, and the figures'
    // last digits depend on it).
    TorchThreads.useOnThisThread(Math.max(1, cpus));
    Iterator<WorkItem> items = groups.hasNext() ? groups.next().iterator()
        : List.<WorkItem>of().iterator();
    // One helper thread per task reads and decodes the next file while the model works on this
    // one; it ends with the task, failed or not.
    ExecutorService reader = Executors.newSingleThreadExecutor(
        Thread.ofPlatform().daemon().name("archive-read-", 0).factory());
    if (task != null) {
      task.addTaskCompletionListener(
          (org.apache.spark.util.TaskCompletionListener) context -> reader.shutdownNow());
    }
    return new Iterator<>() {
      private final Deque<Row> ready = new ArrayDeque<>();
      private Future<ArchiveAnalyzer.Prepared> next = prefetch();

      private Future<ArchiveAnalyzer.Prepared> prefetch() {
        if (!items.hasNext()) {
          reader.shutdown();
          return null;
        }
        WorkItem item = items.next();
        return reader.submit(() -> analyzer.prepare(item));
      }

      @Override
      public boolean hasNext() {
        while (ready.isEmpty() && next != null) {
          ArchiveAnalyzer.Prepared prepared;
          try {
            prepared = next.get();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
          } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
          }
          next = prefetch();
          ItemResult result = analyzer.finish(prepared);
          ready.addAll(ArchiveTables.rows(result));
          framesDone.add(result.frames().size());
        }
        return !ready.isEmpty();
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return ready.poll();
      }
    };
  }
}
