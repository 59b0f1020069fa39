package io.vpcflow.digesterd.digest;

/**
 * Upstream's service-port rule: the lower of the two ports is the service port and the other,
 * ephemeral one becomes 0. If {@code srcport < dstport} the dstport becomes 0, otherwise the
 * srcport becomes 0. When either port is absent both are kept as they are.
 */
public final class PortNormalisation {
  /** Marks an absent port. */
  public static final long ABSENT = -1;

  private PortNormalisation() {}

  /** The normalised source port. */
  public static long srcport(long srcport, long dstport) {
    if (srcport == ABSENT || dstport == ABSENT) {
      return srcport;
    }
    return srcport < dstport ? srcport : 0;
  }

  /** The normalised destination port. */
  public static long dstport(long srcport, long dstport) {
    if (srcport == ABSENT || dstport == ABSENT) {
      return dstport;
    }
    return srcport < dstport ? 0 : dstport;
  }
}
