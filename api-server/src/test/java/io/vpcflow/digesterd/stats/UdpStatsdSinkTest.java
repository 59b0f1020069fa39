package io.vpcflow.digesterd.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vpcflow.digesterd.apitesting.StatsdReceiver;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lines reach a real UDP socket: on close whatever the flush interval, and at each interval. */
class UdpStatsdSinkTest {
  @Test
  void closeSendsEveryLineNotSentYet() throws Exception {
    try (StatsdReceiver statsd = new StatsdReceiver()) {
      UdpStatsdSink sink = new UdpStatsdSink("127.0.0.1", statsd.port(), 20, Duration.ofHours(1));
      for (String line : List.of("a:1|c", "b:2|c", "c:3|c", "d:4|c")) {
        sink.accept(line);
      }
      sink.close();
      List<String> lines = statsd.awaitLine(l -> l.equals("d:4|c"), Duration.ofSeconds(5));
      assertEquals(List.of("a:1|c", "b:2|c", "c:3|c", "d:4|c"), lines);
    }
  }

  @Test
  void linesAreSentAtTheFlushIntervalWithoutClosing() throws Exception {
    try (StatsdReceiver statsd = new StatsdReceiver();
        UdpStatsdSink sink =
            new UdpStatsdSink("127.0.0.1", statsd.port(), 1432, Duration.ofMillis(100))) {
      sink.accept("early:1|c");
      assertEquals(
          List.of("early:1|c"),
          statsd.awaitLine(l -> l.equals("early:1|c"), Duration.ofSeconds(5)));
    }
  }
}
