package io.vpcflow.digesterd.pipeline;

import java.io.IOException;

/** A digest run was cancelled before it completed its digest; no digest was stored by it. */
public final class RunCancelledException extends IOException {
  private static final long serialVersionUID = 1L;

  public RunCancelledException(String message) {
    super(message);
  }
}
