package io.vpcflow.digesterd.testing;

import io.vpcflow.digesterd.layout.ObjectFormat;
import io.vpcflow.digesterd.sample.SampleFlowLogs;
import io.vpcflow.digesterd.sample.SampleSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Generated flow logs delivered partly as gzip'd text and partly as Parquet: the same records as
 * {@link SampleFlowLogs} writes in text, each object chosen by its text key.
 */
public final class MixedFormats {
  private MixedFormats() {}

  /** Receives each object as delivered, with its records' text (for an independent digest). */
  @FunctionalInterface
  public interface Sink {
    void put(String key, byte[] bytes, String text) throws IOException;
  }

  /**
   * Generates {@code spec}'s objects into {@code sink}, as Parquet ({@code .log.parquet}) where
   * {@code asParquet} accepts the text object's key, else as text.
   *
   * @return the number of objects delivered as Parquet
   */
  public static int generate(SampleSpec spec, Predicate<String> asParquet, Sink sink)
      throws IOException {
    List<String> keys = new ArrayList<>();
    List<byte[]> texts = new ArrayList<>();
    SampleFlowLogs.generate(
        spec,
        (key, bytes) -> {
          keys.add(key);
          texts.add(bytes);
        });
    List<String> parquetKeys = new ArrayList<>();
    List<byte[]> parquets = new ArrayList<>();
    SampleFlowLogs.generate(
        spec,
        ObjectFormat.PARQUET,
        (key, bytes) -> {
          parquetKeys.add(key);
          parquets.add(bytes);
        });
    int parquetObjects = 0;
    for (int i = 0; i < keys.size(); i++) {
      String text = Gzip.gunzip(texts.get(i));
      if (asParquet.test(keys.get(i))) {
        sink.put(parquetKeys.get(i), parquets.get(i), text);
        parquetObjects++;
      } else {
        sink.put(keys.get(i), texts.get(i), text);
      }
    }
    return parquetObjects;
  }
}
