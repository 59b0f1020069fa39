package io.vpcflow.digesterd.pipeline;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.vpcflow.digesterd.layout.ObjectPlan;
import io.vpcflow.digesterd.report.DigestSummary;
import io.vpcflow.digesterd.report.DigestSummaryJson;
import io.vpcflow.digesterd.report.SkippedObject;
import io.vpcflow.digesterd.sample.DirectorySink;
import io.vpcflow.digesterd.testing.Gzip;
import io.vpcflow.digesterd.testing.HandFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.values.PCollection;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The digest composite on local files, with a digest worked out by hand. */
public class DigestFlowLogsTest {
  @Rule public final transient TemporaryFolder folder = new TemporaryFolder();

  private final DigestOptions options =
      org.apache.beam.sdk.testing.TestPipeline.testingPipelineOptions().as(DigestOptions.class);

  @Rule public final transient TestPipeline pipeline = TestPipeline.fromOptions(options);

  private Path logs;
  private Path storage;

  @Before
  public void writeFixture() throws Exception {
    logs = folder.newFolder("logs").toPath();
    storage = folder.newFolder("digests").toPath();
    HandFixture.write(new DirectorySink(logs));
    options.setStart(HandFixture.START);
    options.setStop(HandFixture.STOP);
    options.setFlowLogsBucket(logs.toUri().toString());
    options.setStorageBucket(storage.toUri().toString());
    options.setShards(3);
  }

  @Test
  public void digestsTheWindowExactlyAndReportsWhatItSkipped() throws Exception {
    ObjectPlan plan = DigestPipeline.plan(options);
    assertEquals(
        List.of(
            HandFixture.PLAIN_OBJECT,
            HandFixture.HOURLY_OBJECT,
            HandFixture.CORRUPT_OBJECT,
            HandFixture.LATE_OBJECT,
            HandFixture.HIVE_OBJECT),
        plan.objects().stream().map(o -> o.key()).sorted().toList().stream()
            .sorted((a, b) -> order(a) - order(b))
            .toList());

    PCollection<String> written = DigestPipeline.build(pipeline, options, plan);
    String digestUri = storage.resolve(HandFixture.DIGEST_ID + ".log.gz").toString();
    PAssert.thatSingleton(written).isEqualTo(digestUri);
    pipeline.run().waitUntilFinish();

    byte[] digest = Files.readAllBytes(storage.resolve(HandFixture.DIGEST_ID + ".log.gz"));
    assertEquals(HandFixture.EXPECTED_DIGEST, Gzip.gunzip(digest));

    DigestSummary summary =
        DigestSummaryJson.read(
            Files.readString(
                storage.resolve(HandFixture.DIGEST_ID + ".json"), StandardCharsets.UTF_8));
    assertEquals(HandFixture.DIGEST_ID, summary.id());
    assertEquals(Instant.parse("2019-01-01T00:00:00Z"), summary.start());
    assertEquals(digestUri, summary.digest());
    assertEquals(8, summary.objects().listed());
    assertEquals(4, summary.objects().read());
    assertEquals(3, summary.objects().skipped());
    assertEquals(4, summary.keys());
    assertEquals(digest.length, summary.digestBytes());
    assertEquals(14, summary.records().lines());
    assertEquals(6, summary.records().digested());
    assertEquals(3, summary.records().outsideWindow());
    assertEquals(1, summary.records().noData());
    assertEquals(2, summary.records().malformed());
    assertEquals(Long.valueOf(1), summary.records().byOutcome().get("wrong-field-count"));
    assertEquals(Long.valueOf(1), summary.records().byOutcome().get("non-numeric"));
    assertEquals(
        List.of(SkippedObject.EMPTY, SkippedObject.CORRUPT, SkippedObject.UNRECOGNISED_NAME),
        summary.skippedObjects().stream().map(SkippedObject::reason).toList());
    assertEquals(HandFixture.CORRUPT_OBJECT, summary.skippedObjects().get(1).key());
    assertTrue(summary.skippedObjects().get(1).detail().contains("gzip"));
  }

  @Test
  public void sameInputGivesTheSameBytesWhateverTheSharding() throws Exception {
    ObjectPlan plan = DigestPipeline.plan(options);
    options.setShards(1);
    DigestPipeline.build(pipeline, options, plan);
    pipeline.run().waitUntilFinish();
    byte[] oneShard = Files.readAllBytes(storage.resolve(HandFixture.DIGEST_ID + ".log.gz"));
    assertEquals(HandFixture.EXPECTED_DIGEST, Gzip.gunzip(oneShard));
    assertTrue(
        "no temporary object or part may be left behind",
        Files.list(storage)
            .allMatch(p -> !p.getFileName().toString().matches(".*[.](tmp|part)-.*")));
  }

  @Test
  public void withTheFailPolicyACorruptObjectFailsTheDigestAndWritesNothing() throws Exception {
    options.setOnCorruptObject(CorruptObjectPolicy.FAIL);
    DigestPipeline.build(pipeline, options, DigestPipeline.plan(options));
    Pipeline.PipelineExecutionException failure =
        assertThrows(
            Pipeline.PipelineExecutionException.class, () -> pipeline.run().waitUntilFinish());
    assertTrue(failure.getMessage(), failure.getMessage().contains(HandFixture.CORRUPT_OBJECT));
    assertTrue(failure.getMessage(), failure.getMessage().contains("not gzip data"));
    try (java.util.stream.Stream<Path> files = Files.list(storage)) {
      assertEquals(List.of(), files.toList());
    }
  }

  private static int order(String key) {
    return List.of(
            HandFixture.PLAIN_OBJECT,
            HandFixture.HOURLY_OBJECT,
            HandFixture.CORRUPT_OBJECT,
            HandFixture.LATE_OBJECT,
            HandFixture.HIVE_OBJECT)
        .indexOf(key);
  }
}
