package io.vpcflow.digesterd.layout;

import java.util.Optional;

/**
 * How AWS delivers the records of a flow-log object to S3, told by its name's ending: gzip'd text
 * ({@code .log.gz}) or Apache Parquet ({@code .log.parquet}, compressed inside its pages).
 */
public enum ObjectFormat {
  /** Gzip'd text lines, with or without a header line. */
  TEXT(".log.gz"),
  /** A Parquet file whose columns are named like the text header's fields, with underscores. */
  PARQUET(".log.parquet");

  private final String suffix;

  ObjectFormat(String suffix) {
    this.suffix = suffix;
  }

  /** The ending of an object name in this format. */
  public String suffix() {
    return suffix;
  }

  /** The format whose suffix ends {@code key}; empty when none does. */
  public static Optional<ObjectFormat> ofKey(String key) {
    for (ObjectFormat format : values()) {
      if (key.endsWith(format.suffix)) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }
}
