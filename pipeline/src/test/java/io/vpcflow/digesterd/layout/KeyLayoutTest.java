package io.vpcflow.digesterd.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vpcflow.digesterd.layout.KeyLayout.AccountFolder;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The folder names of AWS's plain and Hive-compatible layouts. */
class KeyLayoutTest {
  @Test
  void thePlainLayoutNamesItsFoldersByValue() {
    assertEquals("123456789012/vpcflowlogs/", KeyLayout.PLAIN.regionsPrefix("123456789012"));
    assertEquals(
        "123456789012/vpcflowlogs/us-east-1/",
        KeyLayout.PLAIN.regionPrefix("123456789012", "us-east-1"));
    assertEquals("2024/05/01/", KeyLayout.PLAIN.dayFolder(LocalDate.of(2024, 5, 1)));
    assertEquals("07/", KeyLayout.PLAIN.hourFolder(7));
  }

  @Test
  void theHiveLayoutNamesItsFoldersByKeyAndValue() {
    assertEquals(
        "aws-account-id=123456789012/aws-service=vpcflowlogs/",
        KeyLayout.HIVE.regionsPrefix("123456789012"));
    assertEquals(
        "aws-account-id=123456789012/aws-service=vpcflowlogs/aws-region=eu-west-1/",
        KeyLayout.HIVE.regionPrefix("123456789012", "eu-west-1"));
    assertEquals(
        "year=2024/month=12/day=31/", KeyLayout.HIVE.dayFolder(LocalDate.of(2024, 12, 31)));
    assertEquals("hour=23/", KeyLayout.HIVE.hourFolder(23));
  }

  @Test
  void tellsTheLayoutAndAccountOfAnAccountFolder() {
    assertEquals(
        new AccountFolder(KeyLayout.PLAIN, "123456789012"),
        KeyLayout.accountFolder("123456789012"));
    assertEquals(
        new AccountFolder(KeyLayout.HIVE, "123456789012"),
        KeyLayout.accountFolder("aws-account-id=123456789012"));
    assertNull(KeyLayout.accountFolder(""));
    assertNull(KeyLayout.accountFolder("aws-account-id="));
    assertNull(KeyLayout.accountFolder("aws-account-id=12345678901x"));
    assertNull(KeyLayout.accountFolder("notes"));
    assertNull(KeyLayout.accountFolder("aws-region=us-east-1"));
  }

  @Test
  void tellsTheRegionOfARegionFolder() {
    assertEquals("us-east-1", KeyLayout.PLAIN.regionOf("us-east-1"));
    assertEquals("us-east-1", KeyLayout.HIVE.regionOf("aws-region=us-east-1"));
    assertNull(KeyLayout.HIVE.regionOf("us-east-1"), "a Hive region folder has its key");
    assertNull(KeyLayout.PLAIN.regionOf("US_EAST_1"));
    assertNull(KeyLayout.PLAIN.regionOf(""));
    assertNull(KeyLayout.HIVE.regionOf("aws-region="));
  }

  @Test
  void tellsTheHourOfAnHourFolder() {
    for (int hour = 0; hour < 24; hour++) {
      assertEquals(hour, KeyLayout.PLAIN.hourOf(KeyLayout.PLAIN.hourFolder(hour)));
      assertEquals(hour, KeyLayout.HIVE.hourOf(KeyLayout.HIVE.hourFolder(hour)));
    }
    assertEquals(9, KeyLayout.PLAIN.hourOf("09/"));
    assertEquals(9, KeyLayout.HIVE.hourOf("hour=09/"));
    assertEquals(-1, KeyLayout.PLAIN.hourOf("9/"));
    assertEquals(-1, KeyLayout.PLAIN.hourOf("24/"));
    assertEquals(-1, KeyLayout.PLAIN.hourOf("09"));
    assertEquals(-1, KeyLayout.PLAIN.hourOf("hour=09/"));
    assertEquals(-1, KeyLayout.HIVE.hourOf("09/"));
  }
}
