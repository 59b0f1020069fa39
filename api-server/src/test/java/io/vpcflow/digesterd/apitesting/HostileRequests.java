package io.vpcflow.digesterd.apitesting;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The table of hostile requests and the status each must get, for a server whose longest window is
 * one day ({@link ServerEnv}) and that requires no token. All are 4xx but one: a request line
 * without a version (HTTP/0.9), which Jetty refuses with 505 before any route runs.
 */
public final class HostileRequests {
  /** A valid window bound. */
  public static final String START = "2019-01-01T00:00:00Z";

  /** A valid window bound, one hour after {@link #START}. */
  public static final String STOP = "2019-01-01T01:00:00Z";

  /** The digest id of [{@link #START}, {@link #STOP}). */
  public static final String ID = "9740a140-ba85-5600-8b93-7b46eec77617";

  private static final int TEN_MB = 10 << 20;

  private HostileRequests() {}

  /**
   * One hostile request.
   *
   * @param name what it tries
   * @param request the request's bytes
   * @param status the status it must get
   */
  public record Case(String name, byte[] request, int status) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** Every case. */
  public static List<Case> all() {
    List<Case> cases = new ArrayList<>();
    for (Map.Entry<String, String> query : badQueries().entrySet()) {
      for (String route : List.of("POST /", "GET /", "GET /status")) {
        if (route.equals("GET /status") && query.getValue().isEmpty()) {
          continue; // GET /status with no window is the stream's status: 200
        }
        String[] methodAndPath = route.split(" ");
        cases.add(
            new Case(
                route + " with " + query.getKey(),
                RawHttp.request(
                    methodAndPath[0], methodAndPath[1] + query.getValue(), Map.of(), new byte[0]),
                400));
      }
    }
    cases.addAll(oversized());
    cases.addAll(traversals());
    cases.addAll(badJobs());
    cases.addAll(wrongMethodsAndTypes());
    return cases;
  }

  private static Map<String, String> badQueries() {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("no parameters", "");
    q.put("start missing", "?stop=" + STOP);
    q.put("stop missing", "?start=" + START);
    q.put("both empty", "?start=&stop=");
    q.put("start blank", "?start=%20%20&stop=" + STOP);
    q.put("names without values", "?start&stop");
    q.put("start given twice", "?start=" + START + "&start=" + START + "&stop=" + STOP);
    q.put(
        "stop given twice with different values",
        "?start=" + START + "&stop=" + STOP + "&stop=2019-01-01T02:00:00Z");
    q.put("a date without time", "?start=2019-01-01&stop=" + STOP);
    q.put("epoch seconds", "?start=1546300800&stop=1546304400");
    q.put("no offset", "?start=2019-01-01T00:00:00&stop=" + STOP);
    q.put("month 13", "?start=2019-13-01T00:00:00Z&stop=" + STOP);
    q.put("February 30", "?start=2019-02-30T00:00:00Z&stop=" + STOP);
    q.put("hour 25", "?start=2019-01-01T25:00:00Z&stop=" + STOP);
    q.put("words", "?start=yesterday&stop=now");
    q.put("a NUL byte", "?start=%00&stop=" + STOP);
    q.put(
        "a trailing NUL after a valid time",
        "?start=2026-01-01T00:00:00Z&stop=2026-01-01T01:00:00Z%00");
    q.put(
        "a trailing tab after a valid time",
        "?start=2026-01-01T00:00:00Z%09&stop=2026-01-01T01:00:00Z");
    q.put(
        "a line feed before a valid time",
        "?start=%0A2026-01-01T00:00:00Z&stop=2026-01-01T01:00:00Z");
    q.put("bytes that are not UTF-8", "?start=%FF%FE&stop=" + STOP);
    q.put("broken percent-encoding", "?start=%zz&stop=%");
    q.put("start equal to stop", "?start=" + START + "&stop=" + START);
    q.put("start after stop", "?start=" + STOP + "&stop=" + START);
    q.put("start and stop in one minute", "?start=2019-01-01T00:00:10Z&stop=2019-01-01T00:00:50Z");
    q.put("year 0", "?start=0000-01-01T00:00:00Z&stop=0000-01-01T01:00:00Z");
    q.put("year -1", "?start=-0001-01-01T00:00:00Z&stop=-0001-01-01T01:00:00Z");
    q.put("year 99999 without sign", "?start=99999-01-01T00:00:00Z&stop=99999-01-01T01:00:00Z");
    q.put("year +99999", "?start=%2B99999-01-01T00:00:00Z&stop=%2B99999-01-01T01:00:00Z");
    q.put("year +10000", "?start=9999-12-31T23:30:00Z&stop=%2B10000-01-01T00:30:00Z");
    q.put("before 1970", "?start=1969-12-31T23:00:00Z&stop=1970-01-01T00:30:00Z");
    q.put(
        "a window a minute longer than the maximum",
        "?start=" + START + "&stop=2019-01-02T00:01:00Z");
    q.put("a window of 8000 years", "?start=1970-01-01T00:00:00Z&stop=9999-01-01T00:00:00Z");
    q.put("path traversal as times", "?start=../../progress/x&stop=..%2F..%2Fdigests%2Fy");
    q.put("a 7 KB start", "?start=" + "9".repeat(7000) + "&stop=" + STOP);
    return q;
  }

  private static List<Case> oversized() {
    List<Case> cases = new ArrayList<>();
    cases.add(
        new Case(
            "GET / with a 100 KB query string",
            get("/?start=" + "A".repeat(100_000) + "&stop=" + STOP),
            414));
    cases.add(
        new Case(
            "GET / with a 100 KB header",
            RawHttp.request(
                "GET", "/" + window(), Map.of("X-Padding", "p".repeat(100_000)), new byte[0]),
            431));
    byte[] huge = new byte[TEN_MB];
    java.util.Arrays.fill(huge, (byte) '{');
    cases.add(
        new Case("POST /{topic}/{event} with a 10 MB body", job("/digests/event", huge), 413));
    cases.add(
        new Case(
            "POST /{topic}/{event} with a 10 MB chunked body",
            RawHttp.request(
                "POST",
                "/digests/event",
                Map.of("Content-Type", "application/json", "Transfer-Encoding", "chunked"),
                chunked(huge)),
            413));
    cases.add(
        new Case(
            "POST /{topic}/{event} claiming a 10 GB body",
            RawHttp.request(
                "POST",
                "/digests/event",
                Map.of("Content-Type", "application/json", "Content-Length", "10737418240"),
                new byte[0]),
            413));
    cases.add(
        new Case(
            "POST / with a 10 MB form body and no query",
            RawHttp.request(
                "POST",
                "/",
                Map.of("Content-Type", "application/x-www-form-urlencoded"),
                ("start=" + START + "&stop=" + STOP + "&pad=" + "x".repeat(TEN_MB))
                    .getBytes(StandardCharsets.UTF_8)),
            400));
    return cases;
  }

  private static List<Case> traversals() {
    List<Case> cases = new ArrayList<>();
    cases.add(new Case("GET /../ (above the root)", get("/../" + window()), 400));
    cases.add(new Case("GET /%2e%2e/%2e%2e/status", get("/%2e%2e/%2e%2e/status" + window()), 400));
    cases.add(
        new Case(
            "GET /..%2F..%2Fprogress%2F" + ID + "_in_progress",
            get("/..%2F..%2Fprogress%2F" + ID + "_in_progress"),
            400));
    cases.add(
        new Case(
            "POST /..%2F..%2Fprogress/event with a job",
            job("/..%2F..%2Fprogress/event", validJob()), 400));
    cases.add(
        new Case(
            "POST /digests/..%2Fprogress%2Fx with a job",
            job("/digests/..%2Fprogress%2Fx", validJob()), 400));
    cases.add(new Case("POST /%2e%2e/event with a job", job("/%2e%2e/event", validJob()), 400));
    cases.add(
        new Case(
            "POST /%E2%DA/event (escapes that are not UTF-8) with a job",
            job("/%E2%DA/event", validJob()), 400));
    cases.add(
        new Case(
            "GET /status%C3 (a cut UTF-8 escape: an unknown route)",
            get("/status%C3" + window()), 404));
    cases.add(
        new Case(
            "POST /{topic}/{event} with an id ../../progress/x",
            job("/digests/event", jobWith("\"id\":\"../../progress/x\"")),
            400));
    cases.add(
        new Case(
            "POST /{topic}/{event} with an id ..%2F..%2Fdigests%2F" + ID,
            job("/digests/event", jobWith("\"id\":\"..%2F..%2Fdigests%2F" + ID + "\"")),
            400));
    return cases;
  }

  private static List<Case> badJobs() {
    Map<String, String> bodies = new LinkedHashMap<>();
    bodies.put("an empty body", "");
    bodies.put("not JSON", "not json");
    bodies.put("an unterminated object", "{\"id\":");
    bodies.put("an array", "[]");
    bodies.put("null", "null");
    bodies.put("a string", "\"" + ID + "\"");
    bodies.put("a number", "123");
    bodies.put(
        "an unknown field",
        "{\"id\":\""
            + ID
            + "\",\"start\":\""
            + START
            + "\",\"stop\":\""
            + STOP
            + "\",\"bucket\":\"../x\"}");
    bodies.put(
        "a field given twice",
        "{\"id\":\""
            + ID
            + "\",\"start\":\""
            + START
            + "\",\"start\":\"2019-01-01T00:30:00Z\",\"stop\":\""
            + STOP
            + "\"}");
    bodies.put("trailing garbage", new String(validJob(), StandardCharsets.UTF_8) + " {\"id\":1}");
    bodies.put("fields of the wrong type", "{\"id\":{},\"start\":[],\"stop\":1}");
    bodies.put("deep nesting", "{\"id\":" + "[".repeat(5000) + "]".repeat(5000) + "}");
    bodies.put(
        "the id of another window",
        "{\"id\":\"00000000-0000-5000-8000-000000000000\",\"start\":\""
            + START
            + "\",\"stop\":\""
            + STOP
            + "\"}");
    bodies.put(
        "year 0",
        "{\"id\":\""
            + ID
            + "\",\"start\":\"0000-01-01T00:00:00Z\",\"stop\":\"0000-01-01T01:00:00Z\"}");
    bodies.put(
        "start after stop",
        "{\"id\":\"" + ID + "\",\"start\":\"" + STOP + "\",\"stop\":\"" + START + "\"}");
    List<Case> cases = new ArrayList<>();
    for (Map.Entry<String, String> body : bodies.entrySet()) {
      cases.add(
          new Case(
              "POST /{topic}/{event} with " + body.getKey(),
              job("/digests/event", body.getValue().getBytes(StandardCharsets.UTF_8)),
              400));
    }
    cases.add(
        new Case(
            "POST /{topic}/{event} with bytes that are not UTF-8",
            job("/digests/event", new byte[] {'{', '"', (byte) 0xff, (byte) 0xfe, '"', '}'}),
            400));
    return cases;
  }

  private static List<Case> wrongMethodsAndTypes() {
    List<Case> cases = new ArrayList<>();
    for (String method : List.of("PUT", "DELETE", "PATCH", "OPTIONS", "TRACE")) {
      cases.add(
          new Case(
              method + " /", RawHttp.request(method, "/" + window(), Map.of(), new byte[0]), 405));
    }
    cases.add(
        new Case(
            "PUT /status",
            RawHttp.request("PUT", "/status" + window(), Map.of(), new byte[0]),
            405));
    cases.add(
        new Case(
            "POST /healthcheck",
            RawHttp.request("POST", "/healthcheck", Map.of(), new byte[0]),
            405));
    cases.add(new Case("GET /{topic}/{event}", get("/digests/event"), 405));
    cases.add(new Case("GET of an unknown route", get("/no/such/route"), 404));
    for (String type :
        List.of(
            "text/plain",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "application/xml",
            "application/jsonp")) {
      cases.add(
          new Case(
              "POST /{topic}/{event} with Content-Type " + type,
              RawHttp.request("POST", "/digests/event", Map.of("Content-Type", type), validJob()),
              415));
    }
    cases.add(
        new Case(
            "a request line with a fourth part",
            "GET /healthcheck HTTP/1.1 x\r\nHost: a\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1),
            400));
    cases.add(
        new Case(
            "a request line of HTTP/0.9 (no version): Jetty's 505",
            "GET /\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1),
            505));
    cases.add(
        new Case(
            "HTTP/1.1 without a Host header",
            ("GET /healthcheck HTTP/1.1\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1),
            400));
    cases.add(
        new Case(
            "a Content-Length that is not a number",
            RawHttp.request("POST", "/digests/event", Map.of("Content-Length", "ten"), new byte[0]),
            400));
    cases.add(
        new Case("a space in the target", get("/status?start=2019-01-01 00:00:00Z&stop=x y"), 400));
    return cases;
  }

  private static String window() {
    return "?start=" + START + "&stop=" + STOP;
  }

  private static byte[] get(String target) {
    return RawHttp.request("GET", target, Map.of(), new byte[0]);
  }

  private static byte[] job(String path, byte[] body) {
    return RawHttp.request("POST", path, Map.of("Content-Type", "application/json"), body);
  }

  private static byte[] validJob() {
    return jobWith("\"id\":\"" + ID + "\"");
  }

  private static byte[] jobWith(String id) {
    return ("{" + id + ",\"start\":\"" + START + "\",\"stop\":\"" + STOP + "\"}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] chunked(byte[] body) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (int offset = 0; offset < body.length; offset += 65536) {
      int n = Math.min(65536, body.length - offset);
      out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.write(body, offset, n);
      out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }
    out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    return out.toByteArray();
  }
}
