package io.vpcflow.digesterd.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpcflow.digesterd.window.DigestWindow;
import io.vpcflow.digesterd.window.InvalidWindowException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DigestJobTest {
  private static final Duration MAX = Duration.ofDays(31);

  @Test
  void roundTripsAsUpstreamsPayloadAndValidatesLikeTheApi() {
    DigestWindow window = DigestWindow.parse("2019-01-01T00:00:30Z", "2019-01-01T01:00:00+00:00");
    DigestJob job = DigestJob.parse(DigestJob.of(window).toJson());
    assertEquals(window, job.window(MAX));
    assertEquals("9740a140-ba85-5600-8b93-7b46eec77617", job.id());
    assertEquals(
        "stop",
        assertThrows(
                InvalidWindowException.class,
                () -> new DigestJob(job.id(), job.start(), "2019-03-01T00:00:00Z").window(MAX))
            .parameter());
    assertEquals(
        "id",
        assertThrows(
                InvalidWindowException.class,
                () -> new DigestJob(" ", job.start(), job.stop()).window(MAX))
            .parameter());
    assertEquals(
        "body",
        assertThrows(InvalidWindowException.class, () -> DigestJob.parse("[1,2]")).parameter());
    assertEquals(
        "body",
        assertThrows(InvalidWindowException.class, () -> DigestJob.parse("null")).parameter());
  }

  @Test
  void refusesUnknownFieldsRepeatedFieldsAndTrailingText() {
    String job =
        "\"id\":\"9740a140-ba85-5600-8b93-7b46eec77617\",\"start\":\"2019-01-01T00:00:00Z\",\"stop\":\"2019-01-01T01:00:00Z\"";
    InvalidWindowException unknown =
        assertThrows(
            InvalidWindowException.class, () -> DigestJob.parse("{" + job + ",\"bucket\":\"x\"}"));
    assertEquals("body", unknown.parameter());
    assertTrue(unknown.getMessage().contains("unknown field 'bucket'"), unknown.getMessage());
    assertEquals(
        "body",
        assertThrows(
                InvalidWindowException.class,
                () -> DigestJob.parse("{" + job + ",\"stop\":\"2019-01-01T02:00:00Z\"}"))
            .parameter());
    assertEquals(
        "body",
        assertThrows(InvalidWindowException.class, () -> DigestJob.parse("{" + job + "} {}"))
            .parameter());
    assertEquals("9740a140-ba85-5600-8b93-7b46eec77617", DigestJob.parse(" {" + job + "}\n").id());
  }

  @Test
  void refusesAControlCharacterInTheBodysTimesNamingTheField() {
    DigestJob job =
        DigestJob.parse(
            "{\"id\":\"9740a140-ba85-5600-8b93-7b46eec77617\",\"start\":\"2019-01-01T00:00:00Z\","
                + "\"stop\":\"2019-01-01T01:00:00Z\\u0000\"}");
    InvalidWindowException e = assertThrows(InvalidWindowException.class, () -> job.window(MAX));
    assertEquals("stop", e.parameter());
    assertTrue(e.getMessage().contains("control character"), e.getMessage());
  }
}
