package io.vpcflow.digesterd.digest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeySorterTest {
  /** Keys over an array of byte strings, for the test. */
  private record ArrayKeys(byte[][] keys) implements KeySorter.Keys {
    @Override
    public int length(int key) {
      return keys[key].length;
    }

    @Override
    public int byteAt(int key, int index) {
      return keys[key][index] & 0xff;
    }

    @Override
    public int compare(int a, int b) {
      return Arrays.compareUnsigned(keys[a], keys[b]);
    }
  }

  private static String[] sorted(String[] texts) {
    byte[][] keys =
        Arrays.stream(texts).map(t -> t.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
    int[] order = KeySorter.sortedOrder(new ArrayKeys(keys), keys.length);
    return Arrays.stream(order).mapToObj(i -> texts[i]).toArray(String[]::new);
  }

  private static String[] comparisonSorted(String[] texts) {
    String[] copy = texts.clone();
    Arrays.sort(
        copy,
        (a, b) ->
            Arrays.compareUnsigned(
                a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));
    return copy;
  }

  @Test
  void sortsLikeAComparisonSortWithLongSharedPrefixesAndPrefixKeys() {
    Random random = new Random(11);
    Set<String> texts = new HashSet<>();
    while (texts.size() < 20_000) {
      texts.add(
          "2 1234567890"
              + random.nextInt(3)
              + " eni-0000000000"
              + random.nextInt(40)
              + " 10.0."
              + random.nextInt(256)
              + "."
              + random.nextInt(256)
              + " 10.1."
              + random.nextInt(9)
              + ".1 "
              + random.nextInt(3)
              + " "
              + random.nextInt(70000)
              + " "
              + (random.nextBoolean() ? "6" : "17")
              + " "
              + (random.nextBoolean() ? "ACCEPT" : "REJECT")
              + " "
              + (random.nextInt(5) == 0 ? "-" : "OK"));
    }
    // keys that are prefixes of others, and bytes above 0x7f
    texts.add("2 1 eni-a 10.0.0.1 10.0.0.2 0 443 6 ACCEPT O");
    texts.add("2 1 eni-a 10.0.0.1 10.0.0.2 0 443 6 ACCEPT OK");
    texts.add("2 1 eni-a 10.0.0.1 10.0.0.2 0 443 6 ACCEPT OKK");
    texts.add("2 1 eni-\u0436 10.0.0.1 10.0.0.2 0 443 6 ACCEPT OK");
    String[] all = texts.toArray(String[]::new);
    assertArrayEquals(comparisonSorted(all), sorted(all));
  }

  @Test
  void sortsEmptyAndTinyInputs() {
    assertArrayEquals(new String[0], sorted(new String[0]));
    assertArrayEquals(new String[] {"a", "b"}, sorted(new String[] {"b", "a"}));
  }
}
