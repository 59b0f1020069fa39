package io.vpcflow.digesterd.stream;

import java.util.OptionalInt;

/**
 * How the stream sizes its work for the runner that runs it. The DirectRunner takes at most ten
 * elements from an unbounded source per evaluation, evaluates it again only once nothing is in
 * flight, and builds each bundle after a shuffle from one key's elements, paying a fixed cost per
 * bundle and step (it translates the step again for each); other runners read a source continuously
 * and spread keys over their workers.
 */
final class RunnerFeed {
  private RunnerFeed() {}

  /**
   * The most objects the source hands out as one element on the runner {@code runnerName} (its
   * class's simple name): 16 on the DirectRunner (so that each of its rounds reads up to 160
   * objects, and the windows they close close together); 1 on other runners.
   */
  static int objectsPerElement(String runnerName) {
    return isDirect(runnerName) ? 16 : 1;
  }

  /**
   * How many keys the objects are spread over before they are read, on the runner {@code
   * runnerName} with {@code targetParallelism} worker threads (the DirectRunner's option): as many
   * as the DirectRunner has threads, so that each of its bundles reads several objects; on other
   * runners empty, a random key per object.
   */
  static OptionalInt spreadKeys(String runnerName, int targetParallelism) {
    return isDirect(runnerName) ? OptionalInt.of(targetParallelism) : OptionalInt.empty();
  }

  /**
   * Whether the reading step folds the objects of a whole bundle into one batch (one part per
   * window, saved and output when the bundle finishes) on the runner {@code runnerName}: on the
   * DirectRunner, whose bundles after the shuffle hold many objects; elsewhere each object is its
   * own batch, saved and output as soon as it is read (a Flink bundle lasts up to a second and
   * holds the step's watermark meanwhile).
   */
  static boolean batchesPerBundle(String runnerName) {
    return isDirect(runnerName);
  }

  private static boolean isDirect(String runnerName) {
    return runnerName.equals("DirectRunner");
  }
}
