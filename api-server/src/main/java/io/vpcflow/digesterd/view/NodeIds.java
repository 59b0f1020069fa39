package io.vpcflow.digesterd.view;

/**
 * Graph node ids of addresses: {@code n} followed by the address with every character other than an
 * ASCII letter or digit escaped as {@code _XX} (two lower-case hex digits) or, above U+00FF, {@code
 * __XXXXXX} (six). The escaping can be undone, so two different addresses never get the same id
 * ({@code 10.1.11.1} is {@code n10_2e1_2e11_2e1}, {@code 10.11.1.1} is {@code n10_2e11_2e1_2e1});
 * every id is a DOT identifier ({@code [A-Za-z_][A-Za-z0-9_]*}).
 */
public final class NodeIds {
  private NodeIds() {}

  /** The node id of {@code address}. */
  public static String of(String address) {
    StringBuilder id = new StringBuilder(address.length() * 2 + 1).append('n');
    address
        .codePoints()
        .forEach(
            c -> {
              if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                id.append((char) c);
              } else if (c <= 0xff) {
                id.append('_')
                    .append(Character.forDigit(c >> 4, 16))
                    .append(Character.forDigit(c & 0xf, 16));
              } else {
                id.append("__").append(String.format("%06x", c));
              }
            });
    return id.toString();
  }
}
