package io.vpcflow.digesterd.view;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Which digest lines a query keeps: all of the given conditions hold. Parameters (each optional):
 *
 * <ul>
 *   <li>{@code action}: {@code ACCEPT} or {@code REJECT} (any case)
 *   <li>{@code protocol}: an IANA number 0–255, or {@code tcp}, {@code udp}, {@code icmp}, {@code
 *       icmpv6}
 *   <li>{@code port}: the service port 0–65535 (the port the digest kept; see {@link
 *       DigestRecord#servicePort})
 *   <li>{@code addr}: an address or CIDR block, IPv4 or IPv6, matching either side
 *   <li>{@code account}, {@code interface}: the account id or interface id, exactly
 * </ul>
 */
public final class RecordFilter {
  /** The names of the filter parameters. */
  public static final Set<String> PARAMETERS =
      Set.of("action", "protocol", "port", "addr", "account", "interface");

  private static final Map<String, String> PROTOCOLS =
      Map.of("tcp", "6", "udp", "17", "icmp", "1", "icmpv6", "58");

  private final String action;
  private final String protocol;
  private final int port;
  private final AddressRange addr;
  private final String account;
  private final String iface;

  private RecordFilter(
      String action, String protocol, int port, AddressRange addr, String account, String iface) {
    this.action = action;
    this.protocol = protocol;
    this.port = port;
    this.addr = addr;
    this.account = account;
    this.iface = iface;
  }

  /** The filter that keeps every line. */
  public static RecordFilter all() {
    return new RecordFilter(null, null, -1, null, null, null);
  }

  /**
   * The filter of the parameters {@code params} gives (null for an absent one).
   *
   * @throws InvalidParameterException naming the first bad parameter
   */
  public static RecordFilter parse(Function<String, String> params) {
    String action = params.apply("action");
    if (action != null) {
      action = action.toUpperCase(Locale.ROOT);
      if (!action.equals("ACCEPT") && !action.equals("REJECT")) {
        throw new InvalidParameterException(
            "action",
            "parameter 'action' must be ACCEPT or REJECT, not '" + params.apply("action") + "'");
      }
    }
    String protocol = params.apply("protocol");
    if (protocol != null) {
      String named = PROTOCOLS.get(protocol.toLowerCase(Locale.ROOT));
      protocol =
          named != null
              ? named
              : Integer.toString(
                  numberOr(
                      protocol,
                      255,
                      "protocol",
                      "an IANA protocol number 0 to 255 or tcp, udp, icmp, icmpv6"));
    }
    String port = params.apply("port");
    int portNumber = port == null ? -1 : numberOr(port, 65535, "port", "a port number 0 to 65535");
    String addr = params.apply("addr");
    return new RecordFilter(
        action,
        protocol,
        portNumber,
        addr == null ? null : AddressRange.parse("addr", addr),
        params.apply("account"),
        params.apply("interface"));
  }

  private static int numberOr(String value, int max, String name, String what) {
    if (value.matches("[0-9]{1,5}") && Integer.parseInt(value) <= max) {
      return Integer.parseInt(value);
    }
    throw new InvalidParameterException(
        name, "parameter '" + name + "' must be " + what + ", not '" + value + "'");
  }

  /** Whether {@code r} passes every condition. */
  public boolean test(DigestRecord r) {
    return (action == null || action.equals(r.action()))
        && (protocol == null || protocol.equals(stripZeros(r.protocol())))
        && (port < 0 || port == r.servicePort())
        && (account == null || account.equals(r.account()))
        && (iface == null || iface.equals(r.iface()))
        && (addr == null || addr.contains(r.src()) || addr.contains(r.dst()));
  }

  private static String stripZeros(String number) {
    return number.length() > 1 && number.charAt(0) == '0'
        ? number.replaceFirst("^0+(?=.)", "")
        : number;
  }
}
