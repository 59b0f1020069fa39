package io.vpcflow.digesterd.pipeline;

import io.vpcflow.digesterd.layout.PlannedObject;
import io.vpcflow.digesterd.report.ShardProgress;
import io.vpcflow.digesterd.s3.BucketPurpose;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a run's workers report how far they got (objects and bytes read, key ranges planned and
 * merged), chosen once per run by {@link #of}: straight into this JVM's {@link RunProgress} when
 * the workers run in it (no progress location), else into {@link ProgressFiles} in the progress
 * location, which {@link RemoteProgress} adds up in the JVM that runs the pipeline. A progress file
 * that cannot be written is logged, never a failure of the digest.
 */
public abstract class ProgressChannel implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The least time between two writes of a shard's progress file: 2 s. */
  static final long WRITE_EVERY_NANOS = 2_000_000_000L;

  private ProgressChannel() {}

  /**
   * The channel of the run {@code progressKey}: progress files in {@code location} (a resource
   * name), or this JVM's {@link RunProgress} when {@code location} is empty.
   */
  public static ProgressChannel of(String progressKey, String location) {
    return location.isEmpty() ? new InProcess(progressKey) : new Files(location);
  }

  /** What one shard reports as it reads its objects. */
  public interface ShardReporter {
    /** One finished object of {@code bytes} compressed bytes. */
    void objectDone(long bytes);

    /** The shard has read all its objects. */
    void finish();
  }

  /** A reporter for {@code shard}'s objects (shards never share an object). */
  abstract ShardReporter shard(List<PlannedObject> shard);

  /** The merge has {@code ranges} key ranges to merge. */
  abstract void rangesPlanned(int ranges);

  /** Key range {@code range} is merged. */
  abstract void rangeDone(int range);

  /** Workers in this JVM: counts go straight into {@link RunProgress}. */
  private static final class InProcess extends ProgressChannel {
    private static final long serialVersionUID = 1L;
    private final String progressKey;

    InProcess(String progressKey) {
      this.progressKey = progressKey;
    }

    @Override
    ShardReporter shard(List<PlannedObject> shard) {
      return new ShardReporter() {
        @Override
        public void objectDone(long bytes) {
          RunProgress.objectDone(progressKey, bytes);
        }

        @Override
        public void finish() {}
      };
    }

    @Override
    void rangesPlanned(int ranges) {
      RunProgress.rangesPlanned(progressKey, ranges);
    }

    @Override
    void rangeDone(int range) {
      RunProgress.rangeDone(progressKey);
    }
  }

  /**
   * Workers anywhere: one file per shard ({@code shard-<id>}), written at most every {@link
   * #WRITE_EVERY_NANOS} and when the shard ends; {@code merge-plan} and one {@code range-<n>} per
   * merged range.
   */
  private static final class Files extends ProgressChannel {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ProgressChannel.class);
    private final String location;

    Files(String location) {
      this.location = location;
    }

    @Override
    ShardReporter shard(List<PlannedObject> shard) {
      String fileName = shard.isEmpty() ? "shard-empty" : "shard-" + shardId(shard);
      return new ShardReporter() {
        private ShardProgress progress = ShardProgress.NONE;
        private long lastWrite = System.nanoTime();

        @Override
        public void objectDone(long bytes) {
          progress = progress.plusObject(bytes);
          if (System.nanoTime() - lastWrite >= WRITE_EVERY_NANOS) {
            lastWrite = System.nanoTime();
            write(fileName, progress);
          }
        }

        @Override
        public void finish() {
          write(fileName, progress);
        }
      };
    }

    @Override
    void rangesPlanned(int ranges) {
      write("merge-plan", new ShardProgress(0, 0, 0, ranges));
    }

    @Override
    void rangeDone(int range) {
      write("range-" + range, new ShardProgress(0, 0, 1, 0));
    }

    /** A name unique to the shard: the first object's key. */
    private static UUID shardId(List<PlannedObject> shard) {
      return UUID.nameUUIDFromBytes(shard.get(0).key().getBytes(StandardCharsets.UTF_8));
    }

    private void write(String name, ShardProgress progress) {
      try {
        ProgressFiles.write(location, name, progress);
      } catch (IOException | RuntimeException e) {
        LOG.warn(
            "cannot write the progress {} to {}: {}",
            name,
            BucketPurpose.display(location),
            BucketPurpose.display(e.getMessage()));
      }
    }
  }
}
