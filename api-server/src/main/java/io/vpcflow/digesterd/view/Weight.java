package io.vpcflow.digesterd.view;

import java.util.Locale;

/** What ranks records for a top-N or a graph limit: their bytes or their packets. */
public enum Weight {
  BYTES,
  PACKETS;

  /** The weight of {@code r}. */
  public long of(DigestRecord r) {
    return this == BYTES ? r.bytes() : r.packets();
  }

  /** The lower-case name used in parameters and output. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The weight named {@code value} ({@code bytes} or {@code packets}; {@code bytes} when null).
   *
   * @throws InvalidParameterException naming {@code parameter} for anything else
   */
  public static Weight parse(String parameter, String value) {
    return Choices.parse(Weight.class, parameter, value);
  }
}
