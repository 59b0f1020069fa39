package io.vpcflow.digesterd.launch;

/** The launch pool is full or shut down: the digest was not accepted. */
public final class LaunchRejectedException extends Exception {
  private static final long serialVersionUID = 1L;

  public LaunchRejectedException(String message) {
    super(message);
  }
}
