package io.vpcflow.digesterd.apitesting;

import io.vpcflow.digesterd.report.DigestSummary;
import io.vpcflow.digesterd.store.DigestStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Digests in memory: a custom store, fed by {@link #publish} or {@link #put}. */
public final class InMemoryDigestStore implements DigestStore {
  private final Map<UUID, byte[]> digests = new ConcurrentHashMap<>();
  private final Map<UUID, DigestSummary> summaries = new ConcurrentHashMap<>();

  /** Stores a digest directly. */
  public void put(UUID id, byte[] gzip, DigestSummary summary) {
    digests.put(id, gzip);
    summaries.put(id, summary);
  }

  /** The stored gzip bytes of {@code id}, if any. */
  public Optional<byte[]> bytes(UUID id) {
    return Optional.ofNullable(digests.get(id));
  }

  @Override
  public boolean exists(UUID id) {
    return summaries.containsKey(id);
  }

  @Override
  public Optional<InputStream> open(UUID id) {
    return bytes(id).map(ByteArrayInputStream::new);
  }

  @Override
  public Optional<DigestSummary> summary(UUID id) {
    return Optional.ofNullable(summaries.get(id));
  }

  @Override
  public void publish(DigestSummary summary, DigestStore pipelineOutput) throws IOException {
    UUID id = UUID.fromString(summary.id());
    try (InputStream in =
        pipelineOutput
            .open(id)
            .orElseThrow(() -> new IOException("no digest " + id + " in the pipeline output"))) {
      put(id, in.readAllBytes(), summary);
    }
  }
}
