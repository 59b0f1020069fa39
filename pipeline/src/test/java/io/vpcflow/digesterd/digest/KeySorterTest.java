package io.vpcflow.digesterd.digest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeySorterTest {
  private static DigestKey key(String text) {
    return DigestKey.ofText(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void sortsLikeAComparisonSortWithLongSharedPrefixesAndPrefixKeys() {
    Random random = new Random(11);
    Set<String> texts = new HashSet<>();
    while (texts.size() < 20_000) {
      texts.add("2 1234567890" + random.nextInt(3) + " eni-0000000000" + random.nextInt(40) + " 10.0."
          + random.nextInt(256) + "." + random.nextInt(256) + " 10.1." + random.nextInt(9) + ".1 "
          + random.nextInt(3) + " " + random.nextInt(70000) + " " + (random.nextBoolean() ? "6" : "17")
          + " " + (random.nextBoolean() ? "ACCEPT" : "REJECT") + " " + (random.nextInt(5) == 0 ? "-" : "OK"));
    }
    // keys that are prefixes of others once the last field is cut short
    texts.add("2 1 eni-a 10.0.0.1 10.0.0.2 0 443 6 ACCEPT O");
    texts.add("2 1 eni-a 10.0.0.1 10.0.0.2 0 443 6 ACCEPT OK");
    texts.add("2 1 eni-a 10.0.0.1 10.0.0.2 0 443 6 ACCEPT OKK");
    texts.add("2 1 eni-\u0436 10.0.0.1 10.0.0.2 0 443 6 ACCEPT OK");
    DigestKey[] keys = texts.stream().map(KeySorterTest::key).toArray(DigestKey[]::new);
    DigestKey[] expected = keys.clone();
    Arrays.sort(expected);
    Object[] values = Arrays.stream(keys).map(DigestKey::toString).toArray();
    KeySorter.sort(keys, values);
    assertArrayEquals(expected, keys);
    for (int i = 0; i < keys.length; i++) {
      assertEquals(keys[i].toString(), values[i], "values move with their keys");
    }
  }

  @Test
  void refusesValuesOfAnotherLength() {
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> KeySorter.sort(new DigestKey[1], new Object[2]));
  }

  @Test
  void sortsEmptyAndTinyArrays() {
    DigestKey[] none = {};
    KeySorter.sort(none, new Object[0]);
    DigestKey[] two = {key("b 1 2 3 4 5 6 7 8 9"), key("a 1 2 3 4 5 6 7 8 9")};
    KeySorter.sort(two, new Object[2]);
    assertArrayEquals(new DigestKey[] {key("a 1 2 3 4 5 6 7 8 9"), key("b 1 2 3 4 5 6 7 8 9")}, two);
  }
}
