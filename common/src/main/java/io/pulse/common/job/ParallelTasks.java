package io.pulse.common.job;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs one task per item on a few driver threads. A job that writes many small independent tables
 * spends most of its time in the driver (planning, Delta commits, catalog calls), one query at a
 * time; running tables side by side keeps the cores busy. Spark accepts jobs from several threads
 * of one session, and each thread inherits the caller's job group.
 */
public final class ParallelTasks {
  private ParallelTasks() {}

  /** What one task gave: its value, or the exception that ended it. */
  public record Outcome<R>(R value, RuntimeException error) {
    public boolean failed() {
      return error != null;
    }
  }

  /**
   * Applies {@code task} to every item, at most {@code threads} at a time, and waits for all of
   * them, so a failing task never leaves another one half done behind it.
   *
   * @return the outcomes in the order of {@code items}
   */
  public static <T, R> List<Outcome<R>> run(List<T> items, int threads, Function<T, R> task) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, not " + threads);
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, items.size() + 1));
    try {
      List<Future<R>> futures = new ArrayList<>();
      for (T item : items) {
        futures.add(pool.submit(() -> task.apply(item)));
      }
      List<Outcome<R>> outcomes = new ArrayList<>();
      for (Future<R> future : futures) {
        outcomes.add(await(future));
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }

  /** The first failure among {@code outcomes}, rethrown as it was; nothing when all succeeded. */
  public static void rethrowFirstFailure(List<? extends Outcome<?>> outcomes) {
    for (Outcome<?> outcome : outcomes) {
      if (outcome.failed()) {
        throw outcome.error();
      }
    }
  }

  private static <R> Outcome<R> await(Future<R> future) {
    try {
      return new Outcome<>(future.get(), null);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        return new Outcome<>(null, runtime);
      }
      if (cause instanceof Error error) {
        throw error;
      }
      return new Outcome<>(null, new IllegalStateException(cause));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a task", e);
    }
  }
}
