package io.vpcflow.digesterd.queue;

/** A job that could not be queued: the queue is full or unreachable. */
public final class QueueException extends Exception {
  private static final long serialVersionUID = 1L;

  public QueueException(String message) {
    super(message);
  }

  public QueueException(String message, Throwable cause) {
    super(message, cause);
  }
}
