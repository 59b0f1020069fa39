package io.vpcflow.digesterd.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class DigestKeyTest {
  private static DigestKey text(String s) {
    return DigestKey.ofText(s.getBytes(StandardCharsets.UTF_8));
  }

  private static void assertRejected(String s) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> text(s));
    assertTrue(e.getMessage().contains("'" + s + "'"), e.getMessage());
  }

  @Test
  void ofRendersTheTenFieldsWithDashesForAbsentOnes() {
    DigestKey key =
        DigestKey.of(
            "2", "123456789010", "eni-1", "10.0.0.1", "10.0.0.2", 0, 443, 6, "ACCEPT", "OK");
    assertEquals("2 123456789010 eni-1 10.0.0.1 10.0.0.2 0 443 6 ACCEPT OK", key.toString());
    DigestKey sparse =
        DigestKey.of(
            null, "123456789010", null, "10.0.0.1", "10.0.0.2", null, 80, null, null, "OK");
    assertEquals("- 123456789010 - 10.0.0.1 10.0.0.2 - 80 - - OK", sparse.toString());
    assertEquals(10, DigestKey.FIELDS);
  }

  @Test
  void ofTextAcceptsTenNonEmptyFields() {
    DigestKey key = text("2 1 eni-1 ::1 2001:db8::1 0 22 6 REJECT OK");
    assertEquals("2 1 eni-1 ::1 2001:db8::1 0 22 6 REJECT OK", key.toString());
    assertEquals(
        DigestKey.of("2", "1", "eni-1", "::1", "2001:db8::1", 0, 22, 6, "REJECT", "OK"), key);
  }

  @Test
  void ofTextRejectsAnythingButTenSingleSpacedFields() {
    assertRejected("2 1 eni-1 10.0.0.1 10.0.0.2 0 443 6 ACCEPT"); // nine
    assertRejected("2 1 eni-1 10.0.0.1 10.0.0.2 0 443 6 ACCEPT OK x"); // eleven
    assertRejected("2 1 eni-1 10.0.0.1  10.0.0.2 0 443 6 ACCEPT OK"); // empty field
    assertRejected(" 2 1 eni-1 10.0.0.1 10.0.0.2 0 443 6 ACCEPT OK"); // leading space
    assertRejected("2 1 eni-1 10.0.0.1 10.0.0.2 0 443 6 ACCEPT OK "); // trailing space
    assertRejected("2 1 eni-1 10.0.0.1 10.0.0.2 0 443 6 ACCEPT  "); // ten, last empty
    assertRejected("");
    assertRejected("         "); // nine spaces: ten empty fields
  }

  @Test
  void ofRejectsValuesThatWouldBreakTheFields() {
    assertThrows(
        IllegalArgumentException.class,
        () -> DigestKey.of("2", "1", "eni 1", "a", "b", 1, 2, 6, "ACCEPT", "OK"));
    assertThrows(
        IllegalArgumentException.class,
        () -> DigestKey.of("2", "", "eni-1", "a", "b", 1, 2, 6, "ACCEPT", "OK"));
  }

  @Test
  void ofTextCopiesItsInput() {
    byte[] bytes = "2 1 eni-1 a b 0 443 6 ACCEPT OK".getBytes(StandardCharsets.US_ASCII);
    DigestKey key = DigestKey.ofText(bytes);
    bytes[0] = '9';
    assertEquals("2 1 eni-1 a b 0 443 6 ACCEPT OK", key.toString());
  }

  @Test
  void equalityAndHashAreByText() {
    DigestKey a = text("2 1 eni-1 a b 0 443 6 ACCEPT OK");
    DigestKey b = DigestKey.of("2", "1", "eni-1", "a", "b", 0, 443, 6, "ACCEPT", "OK");
    DigestKey c = text("2 1 eni-1 a b 0 443 6 REJECT OK");
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertEquals(
        java.util.Arrays.hashCode(
            "2 1 eni-1 a b 0 443 6 ACCEPT OK".getBytes(StandardCharsets.UTF_8)),
        a.hashCode());
    assertNotEquals(a, c);
    assertNotEquals(a, "2 1 eni-1 a b 0 443 6 ACCEPT OK");
  }

  @Test
  void ordersAsUnsignedBytes() {
    DigestKey ascii = text("2 1 eni-z a b 0 443 6 ACCEPT OK");
    DigestKey cyrillic = text("2 1 eni-ж a b 0 443 6 ACCEPT OK"); // 0xD0 0xB6 after "eni-"
    DigestKey upper = text("2 1 eni-Z a b 0 443 6 ACCEPT OK");
    DigestKey ten = text("10 1 eni-z a b 0 443 6 ACCEPT OK");
    // signed bytes would put 0xD0 (negative) before 'z'
    assertTrue(ascii.compareTo(cyrillic) < 0);
    assertTrue(cyrillic.compareTo(ascii) > 0);
    assertEquals(0, ascii.compareTo(text("2 1 eni-z a b 0 443 6 ACCEPT OK")));
    List<DigestKey> keys = new ArrayList<>(List.of(cyrillic, ascii, upper, ten));
    Collections.sort(keys);
    assertEquals(List.of(ten, upper, ascii, cyrillic), keys);
  }
}
