package io.vpcflow.digesterd.pipeline;

/** What a digest run does with an object that cannot be decompressed or read to its end. */
public enum CorruptObjectPolicy {
  /** Skip the object, keep none of its records, and list it with the reason in the summary. */
  SKIP,
  /** Fail the digest, naming the object. */
  FAIL
}
