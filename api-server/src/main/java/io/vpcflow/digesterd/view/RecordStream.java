package io.vpcflow.digesterd.view;

import java.io.Closeable;
import java.io.IOException;

/** Digest records one at a time. */
interface RecordStream extends Closeable {
  /** The next record, or {@code null} at the end. */
  DigestRecord next() throws IOException;

  /** Where the record last returned is, for errors: the number of its line in its digest. */
  long lineNumber();
}
