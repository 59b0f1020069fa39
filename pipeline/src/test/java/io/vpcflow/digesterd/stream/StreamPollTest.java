package io.vpcflow.digesterd.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vpcflow.digesterd.layout.FlowLogObjectName;
import io.vpcflow.digesterd.layout.PlannedObject;
import io.vpcflow.digesterd.location.LocalObjectListing;
import io.vpcflow.digesterd.sample.DirectorySink;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamPollTest {
  private static final String DAY = "AWSLogs/111122223333/vpcflowlogs/us-east-1/2024/05/01/";

  @TempDir Path root;

  private void put(String stamp, String hash) throws Exception {
    String key =
        DAY
            + new FlowLogObjectName("111122223333", "us-east-1", "fl-1", Instant.parse(stamp))
                .fileName(hash);
    new DirectorySink(root).put(key, new byte[] {1});
  }

  private StreamPoll poll(Instant firstWindow, Duration horizon) {
    return new StreamPoll(
        List.of(), List.of(), Duration.ofMinutes(10), Duration.ofMinutes(20), horizon, firstWindow);
  }

  @Test
  void listsObjectsFromTheFirstWindowMinusTheSlackToNowAndTheWatermarkFollowsTheLatestStamp()
      throws Exception {
    put("2024-05-01T09:45:00Z", "a1");
    put("2024-05-01T09:55:00Z", "b2");
    put("2024-05-01T10:35:00Z", "c3");
    put("2024-05-01T10:50:00Z", "d4");
    StreamPoll poll = poll(Instant.parse("2024-05-01T10:00:00Z"), Duration.ofDays(1));

    StreamPoll.Result result =
        poll.poll(new LocalObjectListing(root), "", Instant.parse("2024-05-01T10:40:00Z"));

    assertEquals(
        List.of("b2", "c3"),
        result.objects().stream()
            .map(o -> o.key().substring(o.key().lastIndexOf('_') + 1, o.key().indexOf(".log")))
            .toList());
    assertEquals(Optional.of(Instant.parse("2024-05-01T10:15:00Z")), result.watermark());
    PlannedObject c3 = result.objects().get(1);
    assertEquals(Instant.parse("2024-05-01T10:15:00Z"), poll.eventTimeOf(c3));
  }

  @Test
  void theHorizonBoundsHowFarBackEachPollLists() throws Exception {
    put("2024-05-01T08:00:00Z", "a1");
    put("2024-05-01T10:30:00Z", "b2");
    StreamPoll poll = poll(Instant.parse("2024-05-01T00:00:00Z"), Duration.ofHours(1));

    StreamPoll.Result result =
        poll.poll(new LocalObjectListing(root), "", Instant.parse("2024-05-01T11:00:00Z"));

    assertEquals(1, result.objects().size());
    assertEquals(Optional.of(Instant.parse("2024-05-01T10:10:00Z")), result.watermark());
  }

  @Test
  void nothingListedMeansNoWatermark() throws Exception {
    StreamPoll.Result result =
        poll(Instant.parse("2024-05-01T10:00:00Z"), Duration.ofDays(1))
            .poll(new LocalObjectListing(root), "", Instant.parse("2024-05-01T10:40:00Z"));

    assertEquals(List.of(), result.objects());
    assertEquals(Optional.empty(), result.watermark());
  }
}
