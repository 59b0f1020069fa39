package io.vpcflow.digesterd.apitesting;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random requests from one seed: mostly well-framed HTTP/1.1 with random methods, paths, query
 * parameters (mutated times, random bytes, repeats), headers and bodies (mutated jobs, random
 * bytes); one in ten is random bytes with no HTTP framing at all.
 */
public final class FuzzRequests {
  private static final List<String> METHODS =
      List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE");
  private static final List<String> PATHS =
      List.of(
          "/",
          "/status",
          "/healthcheck",
          "/api.yaml",
          "/digests/event",
          "/..",
          "/%2e%2e/",
          "/%2F",
          "/a/b/c",
          "//",
          "/status/");
  private static final List<String> TYPES =
      List.of(
          "application/json",
          "application/json; charset=utf-8",
          "text/plain",
          "application/x-www-form-urlencoded",
          "multipart/form-data; boundary=z",
          "");
  private static final String TIME_CHARS = "0123456789-:TZ+.%/ ";

  private final Random random;

  public FuzzRequests(long seed) {
    this.random = new Random(seed);
  }

  /** The next request's bytes. */
  public byte[] next() {
    if (random.nextInt(10) == 0) {
      return bytes(1 + random.nextInt(2000));
    }
    Map<String, String> headers = new LinkedHashMap<>();
    if (random.nextBoolean()) {
      headers.put("Content-Type", pick(TYPES));
    }
    if (random.nextInt(4) == 0) {
      headers.put(
          "Authorization",
          random.nextBoolean()
              ? "Bearer " + text(1 + random.nextInt(64))
              : text(random.nextInt(32)));
    }
    if (random.nextInt(4) == 0) {
      headers.put(
          "X-" + text(1 + random.nextInt(8)).replaceAll("[^A-Za-z0-9]", "a"),
          text(random.nextInt(200)));
    }
    return RawHttp.request(method(), path() + query(), headers, body());
  }

  private String method() {
    return random.nextInt(10) == 0
        ? text(1 + random.nextInt(10)).toUpperCase().replaceAll("[^A-Z]", "X")
        : pick(METHODS);
  }

  private String path() {
    return random.nextInt(4) == 0
        ? "/" + encoded(random.nextInt(40)) + "/" + encoded(random.nextInt(40))
        : pick(PATHS);
  }

  private String query() {
    int n = random.nextInt(5);
    StringBuilder query = new StringBuilder();
    for (int i = 0; i < n; i++) {
      query.append(i == 0 ? '?' : '&');
      query.append(
          random.nextInt(5) == 0
              ? encoded(random.nextInt(10))
              : random.nextBoolean() ? "start" : "stop");
      if (random.nextInt(8) != 0) {
        query.append('=').append(value());
      }
    }
    return query.toString();
  }

  private String value() {
    return switch (random.nextInt(5)) {
      case 0 -> mutated(HostileRequests.START);
      case 1 -> mutated(HostileRequests.STOP);
      case 2 -> encoded(random.nextInt(60));
      case 3 -> "9".repeat(random.nextInt(3000));
      default -> "";
    };
  }

  private byte[] body() {
    return switch (random.nextInt(4)) {
      case 0 -> new byte[0];
      case 1 -> bytes(random.nextInt(3000));
      default ->
          mutated(
                  "{\"id\":\""
                      + HostileRequests.ID
                      + "\",\"start\":\""
                      + HostileRequests.START
                      + "\",\"stop\":\""
                      + HostileRequests.STOP
                      + "\"}")
              .getBytes(StandardCharsets.UTF_8);
    };
  }

  /** {@code text} with up to four characters replaced, inserted or deleted. */
  private String mutated(String text) {
    StringBuilder s = new StringBuilder(text);
    int edits = 1 + random.nextInt(4);
    for (int i = 0; i < edits && s.length() > 0; i++) {
      int at = random.nextInt(s.length());
      char c = TIME_CHARS.charAt(random.nextInt(TIME_CHARS.length()));
      switch (random.nextInt(3)) {
        case 0 -> s.setCharAt(at, c);
        case 1 -> s.insert(at, c);
        default -> s.deleteCharAt(at);
      }
    }
    return s.toString().replace(" ", "%20");
  }

  /** {@code n} random bytes, percent-encoded where they are not unreserved URL characters. */
  private String encoded(int n) {
    StringBuilder s = new StringBuilder();
    for (byte b : bytes(n)) {
      char c = (char) (b & 0xff);
      s.append(
          Character.isLetterOrDigit(c) && c < 128 || "-._~".indexOf(c) >= 0
              ? String.valueOf(c)
              : String.format("%%%02X", b & 0xff));
    }
    return s.toString();
  }

  /** {@code n} printable ASCII characters. */
  private String text(int n) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      s.append((char) (33 + random.nextInt(94)));
    }
    return s.toString();
  }

  private byte[] bytes(int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  private <T> T pick(List<T> from) {
    return from.get(random.nextInt(from.size()));
  }
}
