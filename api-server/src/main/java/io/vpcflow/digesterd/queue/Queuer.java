package io.vpcflow.digesterd.queue;

import io.vpcflow.digesterd.window.DigestWindow;

/**
 * Hands an accepted digest to the workers. Called after the window's marker is written; returns
 * once the job is accepted for eventual building (not when it is built). A custom queuer (SQS,
 * Kafka, ...) delivers the {@link DigestJob} to some worker's {@code POST /{topic}/{event}} or
 * calls the launch pool itself. Implementations are thread-safe.
 */
public interface Queuer {

  /**
   * Queues the digest of {@code window}.
   *
   * @throws QueueException when the job was not accepted; the digest is then reported failed
   */
  void queue(DigestWindow window) throws QueueException;
}
