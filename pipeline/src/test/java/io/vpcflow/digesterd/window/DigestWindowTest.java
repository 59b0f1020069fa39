package io.vpcflow.digesterd.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DigestWindowTest {
  @Test
  void normalisesOffsetsAndTruncatesToTheMinute() {
    DigestWindow w =
        DigestWindow.parse("2019-01-01T02:00:59.999999999+02:00", "2019-01-01T01:30:01Z");
    assertEquals(Instant.parse("2019-01-01T00:00:00Z"), w.start());
    assertEquals(Instant.parse("2019-01-01T01:30:00Z"), w.stop());
  }

  @Test
  void refusesStartNotBeforeStopAfterTruncation() {
    InvalidWindowException e =
        assertThrows(
            InvalidWindowException.class,
            () -> DigestWindow.parse("2019-01-01T00:00:10Z", "2019-01-01T00:00:50Z"));
    assertEquals("start", e.parameter());
    assertTrue(e.getMessage().contains("before stop"), e.getMessage());
  }

  @Test
  void namesTheParameterThatIsNotRfc3339() {
    InvalidWindowException e =
        assertThrows(
            InvalidWindowException.class,
            () -> DigestWindow.parse("2019-01-01T00:00:00Z", "yesterday"));
    assertEquals("stop", e.parameter());
    assertTrue(e.getMessage().contains("'stop'"), e.getMessage());
  }

  @Test
  void namesAMissingParameter() {
    InvalidWindowException e =
        assertThrows(
            InvalidWindowException.class, () -> DigestWindow.parse(null, "2019-01-01T00:00:00Z"));
    assertEquals("start", e.parameter());
  }

  @Test
  void refusesBoundsOutsideTheYears1970To9999() {
    String[][] absurd = {
      {"0000-01-01T00:00:00Z", "0000-01-01T01:00:00Z", "start"},
      {"-0001-01-01T00:00:00Z", "2019-01-01T00:00:00Z", "start"},
      {"1969-12-31T23:59:59Z", "1970-01-01T01:00:00Z", "start"},
      {"9999-12-31T23:00:00Z", "+10000-01-01T00:00:00Z", "stop"},
      {"+99999-01-01T00:00:00Z", "+99999-01-01T01:00:00Z", "start"},
    };
    for (String[] bounds : absurd) {
      InvalidWindowException e =
          assertThrows(
              InvalidWindowException.class,
              () -> DigestWindow.parse(bounds[0], bounds[1]),
              bounds[0]);
      assertEquals(bounds[2], e.parameter(), e.getMessage());
      assertTrue(e.getMessage().contains("outside the years 1970 to 9999"), e.getMessage());
    }
    assertEquals(
        Instant.EPOCH, DigestWindow.parse("1970-01-01T00:00:00Z", "1970-01-01T01:00:00Z").start());
    assertEquals(
        Instant.parse("9999-12-31T23:59:00Z"),
        DigestWindow.parse("9999-12-31T23:00:00Z", "9999-12-31T23:59:59.999Z").stop());
  }

  @Test
  void refusesWindowsLongerThanTheMaximum() {
    assertThrows(
        InvalidWindowException.class,
        () ->
            DigestWindow.parse(
                "2019-01-01T00:00:00Z", "2019-03-01T00:00:00Z", Duration.ofDays(31)));
    assertEquals(
        Duration.ofDays(31),
        DigestWindow.parse("2019-01-01T00:00:00Z", "2019-02-01T00:00:00Z", Duration.ofDays(31))
            .length());
  }

  @Test
  void digestIdIsThatOfTheTruncatedWindow() {
    assertEquals(
        "9740a140-ba85-5600-8b93-7b46eec77617",
        DigestWindow.parse("2019-01-01T00:00:30Z", "2019-01-01T01:00:45Z").digestId().toString());
  }

  @Test
  void refusesControlCharactersAnywhereInABoundNamingTheParameter() {
    for (String bad :
        new String[] {
          "2026-01-01T01:00:00Z\u0000",
          "\t2026-01-01T01:00:00Z",
          "2026-01-01T01:00:00Z\n",
          "2026-01-01T01:00:00Z\u007f"
        }) {
      InvalidWindowException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              InvalidWindowException.class, () -> DigestWindow.parse("2026-01-01T00:00:00Z", bad));
      org.junit.jupiter.api.Assertions.assertTrue(
          e.getMessage().contains("'stop' holds a control character"), e.getMessage());
    }
  }
}
