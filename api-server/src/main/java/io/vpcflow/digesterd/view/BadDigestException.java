package io.vpcflow.digesterd.view;

import java.io.IOException;

/** A digest whose text is not digest lines, or not in digest order; names the line. */
public final class BadDigestException extends IOException {
  private static final long serialVersionUID = 1L;

  /**
   * @param lineNumber the 1-based number of the offending line
   * @param message what is wrong with it
   */
  public BadDigestException(long lineNumber, String message) {
    super("digest line " + lineNumber + ": " + message);
  }
}
