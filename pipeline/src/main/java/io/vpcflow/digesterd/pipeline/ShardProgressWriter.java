package io.vpcflow.digesterd.pipeline;

import io.vpcflow.digesterd.layout.PlannedObject;
import io.vpcflow.digesterd.report.ShardProgress;
import io.vpcflow.digesterd.s3.BucketPurpose;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports one shard's progress: into this JVM's {@link RunProgress} when the run has no progress
 * location, else into the shard's {@link ProgressFiles progress file}, at most every {@link
 * #WRITE_EVERY_NANOS} and when the shard ends. A progress file that cannot be written is logged,
 * never a failure of the digest.
 */
final class ShardProgressWriter {
  /** The least time between two writes of a progress file: 2 s. */
  static final long WRITE_EVERY_NANOS = 2_000_000_000L;

  private static final Logger LOG = LoggerFactory.getLogger(ShardProgressWriter.class);

  private final String progressKey;
  private final String location;
  private final String fileName;
  private ShardProgress progress = ShardProgress.NONE;
  private long lastWrite = System.nanoTime();

  ShardProgressWriter(String progressKey, String location, List<PlannedObject> shard) {
    this.progressKey = progressKey;
    this.location = location;
    this.fileName = shard.isEmpty() ? "shard-empty" : "shard-" + shardId(shard);
  }

  /** A name unique to the shard: shards never share an object. */
  private static UUID shardId(List<PlannedObject> shard) {
    return UUID.nameUUIDFromBytes(shard.get(0).key().getBytes(StandardCharsets.UTF_8));
  }

  /** Records one finished object of {@code bytes} compressed bytes. */
  void objectDone(long bytes) {
    if (location.isEmpty()) {
      RunProgress.objectDone(progressKey, bytes);
      return;
    }
    progress = progress.plusObject(bytes);
    if (System.nanoTime() - lastWrite >= WRITE_EVERY_NANOS) {
      write();
    }
  }

  /** Writes the shard's final progress. */
  void finish() {
    if (!location.isEmpty()) {
      write();
    }
  }

  private void write() {
    lastWrite = System.nanoTime();
    try {
      ProgressFiles.write(location, fileName, progress);
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "cannot write the progress of {} to {}: {}",
          fileName, BucketPurpose.display(location), BucketPurpose.display(e.getMessage()));
    }
  }
}
