package io.vpcflow.digesterd.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Arrays are handed out again per name and number while large enough, large ones are not kept, and
 * a row group's current pages and dictionaries hold at most {@link PageBuffers#MAX_HELD_BYTES}
 * together.
 */
class PageBuffersTest {
  private final PageBuffers buffers = new PageBuffers();

  @Test
  void aRowGroupsPagesAndDictionariesHoldAtMostTheLimitTogether() throws IOException {
    int mib = 1 << 20;
    buffers.page(0, 30 * mib);
    buffers.dictionary(1, 20 * mib);
    buffers.page(2, 14 * mib);
    IOException e = assertThrows(IOException.class, () -> buffers.dictionary(0, 1));
    assertTrue(e.getMessage().contains("would hold 67108865 bytes"), e.getMessage());
    buffers.page(0, 10 * mib);
    buffers.dictionary(0, 20 * mib);
    assertThrows(IOException.class, () -> buffers.page(3, 1));
    buffers.startRowGroup();
    buffers.page(3, 64 * mib);
    assertThrows(IOException.class, () -> buffers.page(4, 1));
  }

  @Test
  void anArrayIsReusedForItsSlotWhileLargeEnough() throws IOException {
    byte[] page = buffers.page(3, 1000);
    assertEquals(1000, page.length);
    assertSame(page, buffers.page(3, 10));
    assertSame(page, buffers.page(3, 1000));
    byte[] larger = buffers.page(3, 1001);
    assertEquals(1001, larger.length);
    assertSame(larger, buffers.page(3, 500));
  }

  @Test
  void slotsDoNotShareArrays() throws IOException {
    byte[] page = buffers.page(0, 100);
    byte[] otherPage = buffers.page(1, 100);
    byte[] dictionary = buffers.dictionary(0, 100);
    byte[] run = buffers.run(0, 100);
    assertNotSame(page, otherPage);
    assertNotSame(page, dictionary);
    assertNotSame(page, run);
    assertNotSame(dictionary, run);
    assertSame(dictionary, buffers.dictionary(0, 100));
    assertSame(run, buffers.run(0, 100));
  }

  @Test
  void anArrayLargerThanIsKeptServesOneUse() {
    byte[] kept = buffers.run(2, PageBuffers.KEPT_BYTES);
    byte[] huge = buffers.run(2, PageBuffers.KEPT_BYTES + 1);
    assertTrue(huge.length > PageBuffers.KEPT_BYTES);
    assertNotSame(huge, buffers.run(2, PageBuffers.KEPT_BYTES + 1));
    assertSame(kept, buffers.run(2, 1));
  }
}
