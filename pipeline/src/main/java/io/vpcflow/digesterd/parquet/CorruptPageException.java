package io.vpcflow.digesterd.parquet;

import java.io.IOException;

/** A page or dictionary of a column chunk whose contents contradict the Parquet format. */
final class CorruptPageException extends IOException {
  private static final long serialVersionUID = 1L;

  CorruptPageException(String message) {
    super(message);
  }
}
