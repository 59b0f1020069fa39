package io.vpcflow.digesterd.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PortNormalisationTest {
  private static String normalise(long srcport, long dstport) {
    return PortNormalisation.srcport(srcport, dstport)
        + " "
        + PortNormalisation.dstport(srcport, dstport);
  }

  @Test
  void lowerSourcePortIsTheServiceSoTheDestinationBecomesZero() {
    // a server answering from 443 to a client's ephemeral port
    assertEquals("443 0", normalise(443, 50318));
    assertEquals("0 0", normalise(0, 1));
  }

  @Test
  void lowerDestinationPortIsTheServiceSoTheSourceBecomesZero() {
    assertEquals("0 22", normalise(20641, 22));
    assertEquals("0 3389", normalise(49761, 3389));
    assertEquals("0 0", normalise(65535, 0));
  }

  @Test
  void equalPortsKeepTheDestination() {
    // srcport < dstport is false, so the source becomes 0
    assertEquals("0 53", normalise(53, 53));
    assertEquals("0 0", normalise(0, 0));
  }

  @Test
  void absentPortsAreKeptAsTheyAre() {
    long absent = PortNormalisation.ABSENT;
    assertEquals(-1, absent);
    assertEquals("-1 80", normalise(absent, 80));
    assertEquals("80 -1", normalise(80, absent));
    assertEquals("-1 -1", normalise(absent, absent));
    // 0 is a port, not absent
    assertEquals("0 -1", normalise(0, absent));
  }
}
