package io.vpcflow.digesterd.store;

import io.vpcflow.digesterd.location.StoreLocation;
import io.vpcflow.digesterd.report.DigestSummary;
import io.vpcflow.digesterd.report.DigestSummaryJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/** The digests the pipeline wrote to a local storage location ({@code file:///dir}). */
public final class DirectoryDigestStore implements DigestStore {
  private final Path directory;

  /**
   * @param location the local directory (and key prefix) the pipeline writes to
   */
  public DirectoryDigestStore(StoreLocation location) {
    if (location.isS3()) {
      throw new IllegalArgumentException("not a local location: " + location);
    }
    this.directory = location.directory().resolve(location.keyPrefix());
  }

  @Override
  public boolean exists(UUID id) throws IOException {
    return summary(id).map(DigestSummary::succeeded).orElse(false);
  }

  @Override
  public synchronized void recordFailure(DigestSummary failure) throws IOException {
    if (exists(UUID.fromString(failure.id()))) {
      return;
    }
    Path temp = Files.createTempFile(Files.createDirectories(directory), failure.id(), ".json.tmp");
    Files.writeString(temp, DigestSummaryJson.write(failure), StandardCharsets.UTF_8);
    Files.move(
        temp,
        directory.resolve(failure.id() + ".json"),
        StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public Optional<InputStream> open(UUID id) throws IOException {
    try {
      return Optional.of(Files.newInputStream(directory.resolve(id + ".log.gz")));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  @Override
  public Optional<List<UUID>> summaryIds(String after, int max) throws IOException {
    if (!Files.isDirectory(directory)) {
      return Optional.of(List.of());
    }
    try (Stream<Path> files = Files.list(directory)) {
      return Optional.of(
          files
              .map(f -> SummaryNames.id(f.getFileName().toString()))
              .flatMap(Optional::stream)
              .filter(id -> after == null || id.toString().compareTo(after) > 0)
              .sorted(Comparator.comparing(UUID::toString))
              .limit(max)
              .toList());
    }
  }

  @Override
  public Optional<DigestSummary> summary(UUID id) throws IOException {
    try {
      return Optional.of(
          DigestSummaryJson.read(
              Files.readString(directory.resolve(id + ".json"), StandardCharsets.UTF_8)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }
}
