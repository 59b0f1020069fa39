package io.vpcflow.digesterd.stream;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.testing.CoderProperties;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.util.SerializableUtils;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.Test;

/**
 * Round trips of {@link WindowPartCoder}, its determinism and its serialisability. A {@link
 * WindowPart} holds a {@code byte[]}, so its record {@code equals} compares the array by identity:
 * the round trip is checked field by field, the array by content.
 */
class WindowPartCoderTest {
  private static final String KEY =
      "AWSLogs/123456789012/vpcflowlogs/us-east-1/2024/05/01/"
          + "123456789012_vpcflowlogs_us-east-1_fl-0a1b2c3d4e5f60718_20240501T0905Z_a1b2c3d4.log.gz";

  private static final List<WindowPart> PARTS =
      List.of(
          new WindowPart(
              1_714_554_000L,
              KEY,
              1,
              48_213,
              210_000,
              1_800,
              run("2 1 eni-a 10.0.0.1 10.0.0.2 0 443 6 ACCEPT OK")),
          new WindowPart(0, "", 0, 0, 0, 0, new byte[0]),
          new WindowPart(
              Long.MAX_VALUE,
              "d\u00e9j\u00e0/\u65e5\u672c/\ud83d\ude80.log.parquet",
              Long.MAX_VALUE,
              Long.MAX_VALUE,
              Long.MAX_VALUE,
              Long.MAX_VALUE,
              new byte[] {0, (byte) 0xff, (byte) 0x80, 10, 0}),
          new WindowPart(-300, KEY, 80, 1, 1, 1, new byte[70_000]));

  private static byte[] run(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static WindowPart copy(WindowPart part) {
    return new WindowPart(
        part.windowStart(),
        new String(part.objectKey()),
        part.objects(),
        part.objectBytes(),
        part.textBytes(),
        part.records(),
        part.run().clone());
  }

  /** Matches a part equal to {@code expected} field by field, its run by content. */
  private static Matcher<WindowPart> sameAs(WindowPart expected) {
    return new TypeSafeMatcher<>() {
      @Override
      protected boolean matchesSafely(WindowPart actual) {
        return actual.windowStart() == expected.windowStart()
            && actual.objectKey().equals(expected.objectKey())
            && actual.objects() == expected.objects()
            && actual.objectBytes() == expected.objectBytes()
            && actual.textBytes() == expected.textBytes()
            && actual.records() == expected.records()
            && Arrays.equals(actual.run(), expected.run());
      }

      @Override
      public void describeTo(Description description) {
        description
            .appendText("a part like ")
            .appendValue(expected)
            .appendText(" with run ")
            .appendValue(Arrays.toString(expected.run()));
      }
    };
  }

  @Test
  void everyPartRoundTripsFieldByField() throws Exception {
    for (WindowPart part : PARTS) {
      for (Coder.Context context : CoderProperties.ALL_CONTEXTS) {
        CoderProperties.coderDecodeEncodeInContext(
            WindowPartCoder.of(), context, part, sameAs(part));
      }
      CoderProperties.structuralValueDecodeEncodeEqual(WindowPartCoder.of(), part);
    }
  }

  @Test
  void theMatcherTellsADifferentRunApart() {
    WindowPart part = PARTS.get(0);
    byte[] other = part.run().clone();
    other[other.length - 1]++;
    assertFalse(
        sameAs(part)
            .matches(
                new WindowPart(
                    part.windowStart(),
                    part.objectKey(),
                    part.objects(),
                    part.objectBytes(),
                    part.textBytes(),
                    part.records(),
                    other)));
  }

  @Test
  void partsEqualByContentEncodeAlike() throws Exception {
    WindowPartCoder.of().verifyDeterministic();
    for (WindowPart part : PARTS) {
      assertArrayEquals(
          CoderUtils.encodeToByteArray(WindowPartCoder.of(), part),
          CoderUtils.encodeToByteArray(WindowPartCoder.of(), copy(part)),
          part.objectKey());
      CoderProperties.coderDeterministic(WindowPartCoder.of(), part, part);
    }
  }

  /**
   * A part saved in the stream's folder by an earlier release (one object per part, no count, no
   * format byte) decodes as the part of one object.
   */
  @Test
  void aPartInTheFormOfEarlierReleasesDecodesAsTheFoldOfOneObject() throws Exception {
    for (long windowStart : new long[] {1_714_554_000L, 1L, 127L, 128L, Long.MAX_VALUE}) {
      ByteArrayOutputStream old = new ByteArrayOutputStream();
      VarLongCoder.of().encode(windowStart, old);
      StringUtf8Coder.of().encode(KEY, old);
      for (long n : new long[] {48_213, 210_000, 1_800}) {
        VarLongCoder.of().encode(n, old);
      }
      byte[] run = run("2 1 eni-a 10.0.0.1 10.0.0.2 0 443 6 ACCEPT OK");
      ByteArrayCoder.of().encode(run, old);
      assertThat(
          CoderUtils.decodeFromByteArray(WindowPartCoder.of(), old.toByteArray()),
          sameAs(new WindowPart(windowStart, KEY, 1, 48_213, 210_000, 1_800, run)));
    }
  }

  /**
   * The coder survives Java serialisation (as it travels to workers) and the copy decodes what the
   * original encodes, and equals it ({@code CoderProperties.coderSerializable}).
   */
  @Test
  void aSerialisedCopyDecodesWhatTheOriginalEncodes() throws Exception {
    CoderProperties.coderSerializable(WindowPartCoder.of());
    WindowPartCoder copy = SerializableUtils.clone(WindowPartCoder.of());
    for (WindowPart part : PARTS) {
      assertThat(
          CoderUtils.decodeFromByteArray(
              copy, CoderUtils.encodeToByteArray(WindowPartCoder.of(), part)),
          sameAs(part));
    }
  }
}
