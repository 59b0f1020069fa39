package io.vpcflow.digesterd.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ListenAddressTest {
  @Test
  void readsUpstreamsFormsWithAllInterfacesByDefault() {
    assertEquals(new ListenAddress("0.0.0.0", 8080), ListenAddress.parse(":8080"));
    assertEquals(new ListenAddress("127.0.0.1", 0), ListenAddress.parse("127.0.0.1:0"));
    assertEquals(new ListenAddress("::1", 9000), ListenAddress.parse("[::1]:9000"));
    assertEquals("[::1]:9000", ListenAddress.parse("[::1]:9000").toString());
    for (String bad : new String[] {"8080", "host:http", ":70000", "host:-1"}) {
      assertThrows(IllegalArgumentException.class, () -> ListenAddress.parse(bad), bad);
    }
  }
}
