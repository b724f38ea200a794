package org.jamesguard.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs tasks on threads that all start at once, for tests of atomicity. Never sleeps. */
public final class Concurrently {
    private Concurrently() {
    }

    /** Starts {@code threads} copies of {@code task} at once, behind a latch, and returns their results in order. */
    public static <T> List<T> run(int threads, Callable<T> task) throws Exception {
        return run(threads, thread -> task.call());
    }

    /** Like {@link #run(int, Callable)}, each task told its thread's number (0 to threads - 1). */
    public static <T> List<T> run(int threads, Task<T> task) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(executor.submit(() -> {
                    ready.countDown();
                    start.await();
                    return task.call(thread);
                }));
            }
            if (!ready.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("the " + threads + " threads were not all ready within 10 s");
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            executor.shutdownNow();
        }
    }

    /** A task that knows which thread runs it. */
    @FunctionalInterface
    public interface Task<T> {
        T call(int thread) throws Exception;
    }
}
