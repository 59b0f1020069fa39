package io.vpcflow.digesterd.config;

/**
 * Where the HTTP API listens, written like upstream's {@code RUNTIME_HTTPSERVER_ADDRESS}: {@code
 * host:port}, {@code :port} (all interfaces) or {@code [v6]:port}. Port 0 picks a free port.
 *
 * @param host the interface to bind, {@code 0.0.0.0} for all
 * @param port the TCP port, 0 for any free one
 */
public record ListenAddress(String host, int port) {

  /**
   * Parses an address.
   *
   * @throws IllegalArgumentException with a message fit for the user when it is not {@code
   *     [host]:port} with a port in 0..65535
   */
  public static ListenAddress parse(String value) {
    String text = value.trim();
    int colon = text.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException(
          "must be [host]:port like :8080 or 127.0.0.1:8080, got '" + value + "'");
    }
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(text.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("has no numeric port: '" + value + "'");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("has a port outside 0..65535: '" + value + "'");
    }
    return new ListenAddress(host.isEmpty() ? "0.0.0.0" : host, port);
  }

  /** This address with another port (the one actually bound when the port was 0). */
  public ListenAddress withPort(int boundPort) {
    return new ListenAddress(host, boundPort);
  }

  @Override
  public String toString() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
