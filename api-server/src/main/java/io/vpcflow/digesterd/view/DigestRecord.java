package io.vpcflow.digesterd.view;

/**
 * One digest line: {@code version account-id interface-id srcaddr dstaddr srcport dstport protocol
 * packets bytes start end action log-status}, fields as written ({@code -} when absent), packets
 * and bytes as numbers.
 *
 * @param line the whole line, without its newline
 */
public record DigestRecord(
    String version,
    String account,
    String iface,
    String src,
    String dst,
    String srcPort,
    String dstPort,
    String protocol,
    long packets,
    long bytes,
    String start,
    String end,
    String action,
    String logStatus,
    String line) {

  private static final int FIELDS = 14;
  private static final int GROUP_FIELDS = 8;

  /**
   * Parses one line.
   *
   * @throws IllegalArgumentException when it has not 14 space-separated fields or packets or bytes
   *     are not non-negative numbers
   */
  public static DigestRecord parse(String line) {
    String[] f = line.split(" ", -1);
    if (f.length != FIELDS) {
      throw new IllegalArgumentException("has " + f.length + " fields, not " + FIELDS);
    }
    return new DigestRecord(
        f[0],
        f[1],
        f[2],
        f[3],
        f[4],
        f[5],
        f[6],
        f[7],
        count(f[8], "packets"),
        count(f[9], "bytes"),
        f[10],
        f[11],
        f[12],
        f[13],
        line);
  }

  private static long count(String value, String name) {
    try {
      long n = Long.parseLong(value);
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(name + " '" + value + "' is not a non-negative number");
  }

  /**
   * The service port: the port the digest kept (the lower one of the conversation; the other is
   * written 0), or {@code -1} when neither is a number.
   */
  public int servicePort() {
    int s = port(srcPort);
    int d = port(dstPort);
    return s > 0 ? s : d > 0 ? d : Math.max(s, d);
  }

  private static int port(String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** Whether the connection was rejected ({@code action} is {@code REJECT}). */
  public boolean rejected() {
    return "REJECT".equals(action);
  }

  /**
   * The leading fields the digest is sorted by before the totals: {@code version account-id
   * interface-id srcaddr dstaddr srcport dstport protocol}, each followed by a space.
   */
  public String sortPrefix() {
    int at = 0;
    for (int spaces = 0; spaces < GROUP_FIELDS; at++) {
      if (line.charAt(at) == ' ') {
        spaces++;
      }
    }
    return line.substring(0, at);
  }

  /**
   * The fields a diff merges by: {@code account-id interface-id srcaddr dstaddr srcport dstport
   * protocol}, each followed by a space ({@link #sortPrefix} without the version).
   */
  public String mergeKey() {
    String prefix = sortPrefix();
    return prefix.substring(prefix.indexOf(' ') + 1);
  }

  /**
   * The identity of the edge, as vpcflow-diffd compared edges: source, destination, account,
   * interface, ports, protocol and action (not the totals, the version or the log status).
   */
  public String edgeIdentity() {
    return String.join(" ", account, iface, src, dst, srcPort, dstPort, protocol, action);
  }
}
