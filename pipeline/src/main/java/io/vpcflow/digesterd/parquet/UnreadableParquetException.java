package io.vpcflow.digesterd.parquet;

/** A Parquet object that cannot be read, or whose file failed while being read; says why. */
public final class UnreadableParquetException extends Exception {
  private static final long serialVersionUID = 1L;

  UnreadableParquetException(String reason) {
    super(reason);
  }

  UnreadableParquetException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
