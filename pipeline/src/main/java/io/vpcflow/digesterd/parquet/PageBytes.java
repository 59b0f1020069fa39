package io.vpcflow.digesterd.parquet;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;

/**
 * The bytes of a page, {@code array[from, to)}: the array behind a {@link BytesInput} when it has
 * one (as decompressed pages do), else a copy.
 */
record PageBytes(byte[] array, int from, int to) {
  static PageBytes of(BytesInput input) throws IOException {
    ByteBuffer buffer = input.toByteBuffer();
    if (buffer.hasArray()) {
      int from = buffer.arrayOffset() + buffer.position();
      return new PageBytes(buffer.array(), from, from + buffer.remaining());
    }
    byte[] copy = new byte[buffer.remaining()];
    buffer.get(copy);
    return new PageBytes(copy, 0, copy.length);
  }

  int length() {
    return to - from;
  }
}
