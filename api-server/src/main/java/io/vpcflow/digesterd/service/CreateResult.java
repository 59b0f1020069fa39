package io.vpcflow.digesterd.service;

/**
 * What a request to create a digest did.
 *
 * @param outcome queued, or why not
 * @param message a sentence for the caller
 */
public record CreateResult(Outcome outcome, String message) {

  /** What happened to the request. */
  public enum Outcome {
    /** Marked and queued: 202. */
    QUEUED,
    /** The digest exists: 409. */
    EXISTS,
    /** Queued or running already: 409. */
    IN_PROGRESS
  }
}
