package io.vpcflow.digesterd.parquet;

import java.io.IOException;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DictionaryPage;

/** The pages of one column chunk, decompressed, in file order. */
interface ChunkPages {
  /** The chunk's dictionary; null when it has none. */
  DictionaryPage readDictionaryPage() throws IOException;

  /** The next data page; null after the last. */
  DataPage readPage() throws IOException;
}
