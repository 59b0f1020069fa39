package io.vpcflow.digesterd.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NodeIdsTest {
  @Test
  void addressesThatGrapherdMergedGetTwoIds() {
    assertEquals("n10_2e1_2e11_2e1", NodeIds.of("10.1.11.1"));
    assertEquals("n10_2e11_2e1_2e1", NodeIds.of("10.11.1.1"));
    assertNotEquals(NodeIds.of("10.1.11.1"), NodeIds.of("10.11.1.1"));
  }

  @Test
  void ipv6AndOddAddressesGetDistinctDotIdentifiers() {
    List<String> addresses =
        List.of(
            "2001:db8::1",
            "2001:db8:0:0::1",
            "2001:db8::10",
            "2001:db8:1::",
            "::1",
            "::",
            "fe80::1",
            "n",
            "_",
            "_2e",
            ".",
            "a\"b",
            "a\\b",
            "é",
            "😀",
            "10.0.0.1",
            "100.0.0.1",
            "1.00.0.1");
    Set<String> ids = new HashSet<>();
    for (String address : addresses) {
      String id = NodeIds.of(address);
      assertTrue(id.matches("[A-Za-z_][A-Za-z0-9_]*"), id);
      ids.add(id);
    }
    assertEquals(addresses.size(), ids.size(), "every address its own id: " + ids);
    assertEquals("n2001_3adb8_3a_3a1", NodeIds.of("2001:db8::1"));
    assertEquals("n__01f600", NodeIds.of("😀"));
  }
}
