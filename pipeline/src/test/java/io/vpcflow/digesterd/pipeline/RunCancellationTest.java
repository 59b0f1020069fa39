package io.vpcflow.digesterd.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RunCancellationTest {

  @Test
  void aRunningRunGoesOnAndCommitsUntilItIsCancelled() throws Exception {
    RunCancellation run = RunCancellation.register("going-on");
    List<String> steps = new ArrayList<>();
    RunCancellation.check("going-on");
    RunCancellation.commit("going-on", () -> steps.add("summary"));
    assertEquals(List.of("summary"), steps);

    run.cancel();
    assertThrows(RunCancelledException.class, () -> RunCancellation.check("going-on"));
    assertThrows(
        RunCancelledException.class,
        () -> RunCancellation.commit("going-on", () -> steps.add("late")));
    assertEquals(List.of("summary"), steps, "a cancelled run commits nothing");
    RunCancellation.unregister("going-on");
  }

  @Test
  void aCancelledRunStaysCancelledAfterItsSubmitterForgotIt() throws Exception {
    RunCancellation.register("forgotten").cancel();
    RunCancellation.unregister("forgotten");
    assertThrows(RunCancelledException.class, () -> RunCancellation.check("forgotten"));

    RunCancellation.register("finished");
    RunCancellation.unregister("finished");
    RunCancellation.check("finished");
  }

  @Test
  void unknownTokensAreNeverCancelled() throws Exception {
    boolean[] ran = {false};
    RunCancellation.check("never-registered");
    RunCancellation.commit("never-registered", () -> ran[0] = true);
    assertTrue(ran[0]);
  }

  @Test
  void cancelWaitsForACommitInProgressAndLaterCommitsAreRefused() throws Exception {
    RunCancellation run = RunCancellation.register("in-progress");
    CountDownLatch committing = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    Thread writer =
        new Thread(
            () -> {
              try {
                RunCancellation.commit(
                    "in-progress",
                    () -> {
                      committing.countDown();
                      try {
                        finish.await(10, TimeUnit.SECONDS);
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                    });
              } catch (java.io.IOException e) {
                throw new AssertionError(e);
              }
            });
    writer.start();
    assertTrue(committing.await(10, TimeUnit.SECONDS));
    Thread canceller = new Thread(run::cancel);
    canceller.start();
    canceller.join(200);
    assertTrue(canceller.isAlive(), "cancel returned while a commit was in progress");
    finish.countDown();
    canceller.join(10_000);
    writer.join(10_000);
    assertFalse(canceller.isAlive());
    assertThrows(
        RunCancelledException.class, () -> RunCancellation.commit("in-progress", () -> {}));
    RunCancellation.unregister("in-progress");
  }

  @Test
  void worksRunTogetherAndCancelWaitsForAllOfThemThenRefusesMore() throws Exception {
    RunCancellation run = RunCancellation.register("guard-test");
    CountDownLatch bothInside = new CountDownLatch(2);
    CountDownLatch release = new CountDownLatch(1);
    List<Thread> workers = new ArrayList<>();
    List<String> done = java.util.Collections.synchronizedList(new ArrayList<>());
    for (String name : List.of("a", "b")) {
      Thread worker =
          new Thread(
              () -> {
                try {
                  done.add(
                      RunCancellation.guard(
                          "guard-test",
                          () -> {
                            bothInside.countDown();
                            try {
                              release.await();
                            } catch (InterruptedException e) {
                              throw new java.io.InterruptedIOException("interrupted");
                            }
                            return name;
                          }));
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      worker.start();
      workers.add(worker);
    }
    assertTrue(bothInside.await(5, TimeUnit.SECONDS), "two works of one run proceed at once");
    Thread canceller = new Thread(run::cancel);
    canceller.start();
    canceller.join(200);
    assertTrue(canceller.isAlive(), "cancel waits for the works in progress");
    release.countDown();
    canceller.join(5000);
    for (Thread worker : workers) {
      worker.join(5000);
    }
    assertEquals(2, done.size());
    assertThrows(
        RunCancelledException.class, () -> RunCancellation.guard("guard-test", () -> "late"));
    RunCancellation.unregister("guard-test");
  }
}
