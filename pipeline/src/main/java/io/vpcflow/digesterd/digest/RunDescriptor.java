package io.vpcflow.digesterd.digest;

import java.util.List;

/**
 * A sorted run written out of a worker's memory ({@link RunFile}): where it is, how large, and a
 * sample of its keys, so that a planner can cut the key space into ranges of about equal size
 * without reading any run. Small: it travels between workers in place of the run.
 *
 * @param location where the run is (a Beam resource name, opaque here)
 * @param bytes the run's size
 * @param keys the run's number of keys
 * @param samples keys of the run in ascending order, evenly spaced, each standing for {@code keys /
 *     samples.size()} keys; empty when the run has no key
 */
public record RunDescriptor(String location, long bytes, long keys, List<DigestKey> samples) {
  /** Checks the counts and copies the samples. */
  public RunDescriptor {
    if (bytes < 0 || keys < 0) {
      throw new IllegalArgumentException(
          "a run's bytes and keys are not negative: " + bytes + " " + keys);
    }
    samples = List.copyOf(samples);
  }

  /** This descriptor without its samples, once ranges are cut. */
  public RunDescriptor withoutSamples() {
    return new RunDescriptor(location, bytes, keys, List.of());
  }
}
