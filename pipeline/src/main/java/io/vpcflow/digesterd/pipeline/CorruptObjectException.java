package io.vpcflow.digesterd.pipeline;

/** An object that was read to its end but cannot be decompressed: its content is broken. */
public final class CorruptObjectException extends Exception {
  private static final long serialVersionUID = 1L;

  CorruptObjectException(String message, Throwable cause) {
    super(message, cause);
  }
}
