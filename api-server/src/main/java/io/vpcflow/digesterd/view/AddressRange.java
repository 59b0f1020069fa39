package io.vpcflow.digesterd.view;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * An IPv4 or IPv6 address or CIDR block ({@code 10.0.0.0/8}, {@code 2001:db8::/32}, {@code
 * 10.1.2.3}); an address alone is its own /32 or /128. Only literals are parsed: no name is ever
 * looked up. An IPv4 range never contains an IPv6 address, nor the reverse.
 */
public final class AddressRange {
  private final byte[] network;
  private final int prefix;

  private AddressRange(byte[] network, int prefix) {
    this.network = network;
    this.prefix = prefix;
  }

  /**
   * Parses {@code value}.
   *
   * @throws InvalidParameterException naming {@code parameter} when it is not an address or CIDR
   */
  public static AddressRange parse(String parameter, String value) {
    int slash = value.indexOf('/');
    String address = slash < 0 ? value : value.substring(0, slash);
    byte[] bytes = literal(address);
    if (bytes == null) {
      throw bad(parameter, value);
    }
    int bits = bytes.length * 8;
    if (slash >= 0) {
      String p = value.substring(slash + 1);
      if (!p.matches("[0-9]{1,3}") || Integer.parseInt(p) > bits) {
        throw bad(parameter, value);
      }
      bits = Integer.parseInt(p);
    }
    return new AddressRange(masked(bytes, bits), bits);
  }

  private static InvalidParameterException bad(String parameter, String value) {
    return new InvalidParameterException(
        parameter,
        "parameter '"
            + parameter
            + "' must be an IPv4 or IPv6 address or CIDR block, not '"
            + value
            + "'");
  }

  /** Whether {@code address} (as written in a digest) is in this range; false for a non-address. */
  public boolean contains(String address) {
    byte[] bytes = literal(address);
    return bytes != null
        && bytes.length == network.length
        && Arrays.equals(masked(bytes, prefix), network);
  }

  /** The bytes of an IPv4 or IPv6 literal, or null when {@code s} is not one. */
  static byte[] literal(String s) {
    boolean v4 = s.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    boolean v6 = s.indexOf(':') >= 0 && s.matches("[0-9A-Fa-f:.]+");
    if (!v4 && !v6 || v4 && !octets(s)) {
      return null;
    }
    try {
      // A literal is parsed, never looked up.
      byte[] bytes = InetAddress.getByName(s).getAddress();
      return v4 == (bytes.length == 4) ? bytes : v4to6(bytes, v6);
    } catch (UnknownHostException e) {
      return null;
    }
  }

  private static boolean octets(String v4) {
    for (String octet : v4.split("\\.")) {
      if (Integer.parseInt(octet) > 255) {
        return false;
      }
    }
    return true;
  }

  /** An IPv4-mapped IPv6 literal ({@code ::ffff:1.2.3.4}) comes back as 4 bytes: keep it IPv6. */
  private static byte[] v4to6(byte[] bytes, boolean v6) {
    if (!v6 || bytes.length != 4) {
      return null;
    }
    byte[] mapped = new byte[16];
    mapped[10] = (byte) 0xff;
    mapped[11] = (byte) 0xff;
    System.arraycopy(bytes, 0, mapped, 12, 4);
    return mapped;
  }

  private static byte[] masked(byte[] bytes, int bits) {
    byte[] out = bytes.clone();
    for (int i = 0; i < out.length; i++) {
      int keep = Math.max(0, Math.min(8, bits - i * 8));
      out[i] = (byte) (out[i] & (0xff << (8 - keep)));
    }
    return out;
  }
}
