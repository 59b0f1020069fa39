package io.vpcflow.digesterd.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LinePackerTest {
  private static String text(Optional<byte[]> payload) {
    return new String(payload.orElseThrow(), StandardCharsets.UTF_8);
  }

  @Test
  void packsLinesInOrderUpToThePacketSize() {
    LinePacker packer = new LinePacker(12);
    assertTrue(packer.add("a:1|c").isEmpty());
    assertTrue(packer.add("b:2|c").isEmpty(), "11 bytes with the newline fit in 12");
    assertEquals("a:1|c\nb:2|c", text(packer.add("c:3|c")));
    assertEquals("c:3|c", text(packer.drain()));
    assertTrue(packer.drain().isEmpty());
  }

  @Test
  void aLineLongerThanThePacketIsAPayloadOfItsOwn() {
    LinePacker packer = new LinePacker(8);
    packer.add("a:1|c");
    assertEquals("a:1|c", text(packer.add("a.very.long.name:1|c")));
    assertEquals("a.very.long.name:1|c", text(packer.add("b:1|c")));
    assertEquals("b:1|c", text(packer.drain()));
  }

  @Test
  void countsBytesNotCharacters() {
    LinePacker packer = new LinePacker(9);
    packer.add("é:1|c");
    assertEquals("é:1|c", text(packer.add("x:1|c")), "é is 2 bytes: 6 + 1 + 5 > 9");
  }
}
