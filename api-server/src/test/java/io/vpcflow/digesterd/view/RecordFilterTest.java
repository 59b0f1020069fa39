package io.vpcflow.digesterd.view;

import static io.vpcflow.digesterd.view.Digests.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordFilterTest {
  private static final DigestRecord WEB =
      DigestRecord.parse(line("10.1.2.3", "192.168.0.9", 0, 443, 6, 5, 500, "ACCEPT"));
  private static final DigestRecord DNS6 =
      DigestRecord.parse("2 999 eni-9 2001:db8::53 2001:db8:1::7 53 0 17 2 150 10 20 REJECT OK");

  private static RecordFilter filter(Map<String, String> params) {
    return RecordFilter.parse(params::get);
  }

  @Test
  void eachConditionKeepsOnlyItsLines() {
    assertTrue(filter(Map.of()).test(WEB));
    assertTrue(filter(Map.of("action", "accept")).test(WEB));
    assertFalse(filter(Map.of("action", "ACCEPT")).test(DNS6));
    assertTrue(filter(Map.of("protocol", "tcp")).test(WEB));
    assertTrue(filter(Map.of("protocol", "17")).test(DNS6));
    assertFalse(filter(Map.of("protocol", "udp")).test(WEB));
    assertTrue(filter(Map.of("port", "443")).test(WEB));
    assertTrue(filter(Map.of("port", "53")).test(DNS6), "the service port on the source side");
    assertFalse(filter(Map.of("port", "0")).test(WEB));
    assertTrue(filter(Map.of("account", "999")).test(DNS6));
    assertFalse(filter(Map.of("account", "99")).test(DNS6));
    assertTrue(filter(Map.of("interface", "eni-abc123de")).test(WEB));
    assertFalse(filter(Map.of("interface", "eni-9", "account", "123456789010")).test(WEB));
  }

  @Test
  void addressesAndCidrsOnEitherSideIpv4AndIpv6() {
    assertTrue(filter(Map.of("addr", "10.1.2.3")).test(WEB));
    assertTrue(filter(Map.of("addr", "192.168.0.0/16")).test(WEB), "destination side");
    assertTrue(filter(Map.of("addr", "10.0.0.0/8")).test(WEB));
    assertFalse(filter(Map.of("addr", "10.1.2.4")).test(WEB));
    assertFalse(filter(Map.of("addr", "11.0.0.0/8")).test(WEB));
    assertTrue(filter(Map.of("addr", "0.0.0.0/0")).test(WEB));
    assertFalse(filter(Map.of("addr", "::/0")).test(WEB), "an IPv6 range holds no IPv4 address");
    assertTrue(filter(Map.of("addr", "2001:db8:1::/48")).test(DNS6));
    assertTrue(
        filter(Map.of("addr", "2001:0db8:0000::0053")).test(DNS6), "any spelling of the address");
    assertFalse(filter(Map.of("addr", "2001:db8:2::/48")).test(DNS6));
    assertFalse(filter(Map.of("addr", "10.0.0.0/8")).test(DNS6));
    AddressRange mapped = AddressRange.parse("addr", "::ffff:10.0.0.0/104");
    assertTrue(mapped.contains("::ffff:10.9.9.9"));
    assertFalse(mapped.contains("10.9.9.9"));
    assertFalse(mapped.contains("-"));
  }

  @Test
  void badValuesNameTheirParameter() {
    for (Map<String, String> bad :
        new Map[] {
          Map.of("action", "DROP"), Map.of("protocol", "256"), Map.of("protocol", "sctp"),
              Map.of("port", "65536"),
          Map.of("port", "http"), Map.of("addr", "10.0.0.0/33"), Map.of("addr", "example.com"),
              Map.of("addr", "999.1.1.1"),
          Map.of("addr", "2001:db8::/129"), Map.of("addr", "1:2:3"), Map.of("addr", "10.0.0.1/")
        }) {
      String name = bad.keySet().iterator().next();
      InvalidParameterException e =
          assertThrows(InvalidParameterException.class, () -> filter(bad), bad.toString());
      assertEquals(name, e.parameter());
      assertTrue(
          e.getMessage().contains("'" + name + "'") && e.getMessage().contains(bad.get(name)),
          e.getMessage());
    }
  }
}
