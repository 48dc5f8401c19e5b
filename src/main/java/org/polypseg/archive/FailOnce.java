package org.polypseg.archive;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;

/**
 * Test-only fault injection. With the local property {@link #PROPERTY} set to {@code true} on the
 * thread that runs the job, the first attempt of the first task that writes {@code frames} dies
 * after it has handed its first row to the Parquet writer, as an executor lost mid-write would.
 * Spark runs the task again; its output committer must keep only the second attempt's file, so
 * that each frame is in the table exactly once. Not in the job's plan unless the property is set.
 */
final class FailOnce implements MapPartitionsFunction<Row, Row> {

  static final String PROPERTY = "polypseg.archive.test.failFirstWrite";

  /** Faults injected in this JVM: lets a local-mode test see that it failed a task at all. */
  static final java.util.concurrent.atomic.AtomicInteger INJECTED =
      new java.util.concurrent.atomic.AtomicInteger();

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    TaskContext task = TaskContext.get();
    boolean fail = task.partitionId() == 0 && task.attemptNumber() == 0;
    return new Iterator<>() {
      private int handedOut;

      @Override
      public boolean hasNext() {
        if (fail && handedOut == 1) {
          INJECTED.incrementAndGet();
          throw new IllegalStateException("fault injected by a test: the first attempt of the"
              + " first write task dies after its first row");
        }
        return rows.hasNext();
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        handedOut++;
        return rows.next();
      }
    };
  }
}
