package io.vpcflow.digesterd.apitesting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP/1.1 written byte by byte over a socket, for requests that {@code java.net.http} refuses to
 * send (raw or malformed targets, any method, restricted headers, garbage). Each request is sent on
 * a new connection with {@code Connection: close}; the answer is read to the end.
 */
public final class RawHttp {
  private final int port;

  /** A client of the server on loopback {@code port}. */
  public RawHttp(int port) {
    this.port = port;
  }

  /** An answer: status, headers by lower-case name, body (de-chunked). */
  public record Answer(int status, Map<String, String> headers, byte[] body) {
    /** A header's value, by case-insensitive name. */
    public Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The body as UTF-8 text. */
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /**
   * {@code method target HTTP/1.1} with a Host header, {@code headers}, and {@code body} with its
   * Content-Length (unless {@code headers} sets Content-Length or Transfer-Encoding itself).
   */
  public static byte[] request(
      String method, String target, Map<String, String> headers, byte[] body) {
    StringBuilder head =
        new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
    head.append("Host: 127.0.0.1\r\nConnection: close\r\n");
    boolean framed = false;
    for (Map.Entry<String, String> header : headers.entrySet()) {
      head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
      String name = header.getKey().toLowerCase(Locale.ROOT);
      framed |= name.equals("content-length") || name.equals("transfer-encoding");
    }
    if (!framed
        && (body.length > 0
            || method.equals("POST")
            || method.equals("PUT")
            || method.equals("PATCH"))) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("\r\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(body);
    return out.toByteArray();
  }

  /** Sends a request built by {@link #request}. */
  public Answer send(String method, String target, Map<String, String> headers, byte[] body)
      throws IOException {
    return send(request(method, target, headers, body));
  }

  /**
   * Sends {@code bytes} as they are and reads the answer until the server closes the connection. A
   * server that answers before reading the whole request may close while it is still being written;
   * the answer it sent is still read.
   *
   * @return the answer, or empty when the server closed without answering
   */
  public Optional<Answer> sendRaw(byte[] bytes) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
      socket.setSoTimeout(30_000);
      try {
        OutputStream out = socket.getOutputStream();
        for (int offset = 0; offset < bytes.length; offset += 65536) {
          out.write(bytes, offset, Math.min(65536, bytes.length - offset));
        }
        out.flush();
        socket.shutdownOutput();
      } catch (IOException closedWhileWriting) {
        // The server answered early and closed: read what it sent.
      }
      byte[] received = readAll(socket.getInputStream());
      return received.length == 0 ? Optional.empty() : Optional.of(parse(received));
    }
  }

  /** Like {@link #sendRaw}, for a request that must be answered. */
  public Answer send(byte[] bytes) throws IOException {
    return sendRaw(bytes)
        .orElseThrow(() -> new IOException("the server closed the connection without answering"));
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buffer = new byte[65536];
    try {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        all.write(buffer, 0, n);
      }
    } catch (IOException reset) {
      if (all.size() == 0) {
        throw reset;
      }
    }
    return all.toByteArray();
  }

  private static Answer parse(byte[] received) throws IOException {
    String text = new String(received, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0 || !text.startsWith("HTTP/1.")) {
      throw new IOException(
          "not an HTTP answer: " + text.substring(0, Math.min(200, text.length())));
    }
    String[] lines = text.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(
          lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
          lines[i].substring(colon + 1).trim());
    }
    byte[] body = java.util.Arrays.copyOfRange(received, end + 4, received.length);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = dechunk(body);
    }
    return new Answer(status, headers, body);
  }

  private static byte[] dechunk(byte[] chunked) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    String text = new String(chunked, StandardCharsets.ISO_8859_1);
    int at = 0;
    while (at < text.length()) {
      int lineEnd = text.indexOf("\r\n", at);
      int size = Integer.parseInt(text.substring(at, lineEnd).split(";")[0].trim(), 16);
      if (size == 0) {
        break;
      }
      body.write(chunked, lineEnd + 2, size);
      at = lineEnd + 2 + size + 2;
    }
    return body.toByteArray();
  }
}
