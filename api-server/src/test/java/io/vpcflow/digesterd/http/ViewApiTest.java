package io.vpcflow.digesterd.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vpcflow.digesterd.apitesting.Api;
import io.vpcflow.digesterd.apitesting.GatedBuilder;
import io.vpcflow.digesterd.apitesting.ServerEnv;
import io.vpcflow.digesterd.apitesting.Summaries;
import io.vpcflow.digesterd.config.ServiceConfig;
import io.vpcflow.digesterd.launch.PipelineDigestBuilder;
import io.vpcflow.digesterd.report.DigestSummaryJson;
import io.vpcflow.digesterd.s3.S3ObjectSink;
import io.vpcflow.digesterd.s3server.EmbeddedS3Server;
import io.vpcflow.digesterd.service.DigesterdService;
import io.vpcflow.digesterd.testing.HandFixture;
import io.vpcflow.digesterd.testing.S3Fixture;
import io.vpcflow.digesterd.window.DigestWindow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code GET /graph}, {@code /diff} and {@code /query} over real HTTP and a real S3 server
 * (s3proxy): the hand fixture's window built by the pipeline on the DirectRunner, and windows whose
 * digests and markers the test stores by hand.
 */
class ViewApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HAND = Api.window(HandFixture.START, HandFixture.STOP);
  private static final DigestWindow MON =
      DigestWindow.parse("2020-01-06T00:00:00Z", "2020-01-06T01:00:00Z");
  private static final DigestWindow TUE =
      DigestWindow.parse("2020-01-07T00:00:00Z", "2020-01-07T01:00:00Z");
  private static final DigestWindow BUILDING =
      DigestWindow.parse("2020-01-08T00:00:00Z", "2020-01-08T01:00:00Z");
  private static final DigestWindow FAILED =
      DigestWindow.parse("2020-01-09T00:00:00Z", "2020-01-09T01:00:00Z");
  private static final DigestWindow NEVER =
      DigestWindow.parse("2020-01-10T00:00:00Z", "2020-01-10T01:00:00Z");

  private static final String KEPT =
      "2 111 eni-1 10.0.0.1 10.0.0.2 0 443 6 10 1000 1578268800 1578268860 ACCEPT OK";
  private static final String GONE =
      "2 111 eni-1 10.0.0.3 10.0.0.2 0 22 6 1 60 1578268800 1578268860 REJECT OK";
  private static final String KEPT_TUE =
      "2 111 eni-1 10.0.0.1 10.0.0.2 0 443 6 20 2000 1578355200 1578355260 ACCEPT OK";
  private static final String NEW =
      "2 111 eni-1 2001:db8::1 10.0.0.2 0 53 17 2 150 1578355200 1578355260 ACCEPT OK";

  private static EmbeddedS3Server s3;
  private static S3Client client;
  private static DigesterdService service;
  private static Api api;

  @BeforeAll
  static void start() throws Exception {
    s3 = EmbeddedS3Server.inMemory();
    client = S3Fixture.client(s3);
    ServerEnv.createBuckets(client, "hand-logs");
    HandFixture.write(new S3ObjectSink(client, "hand-logs", ""));
    ServiceConfig config =
        ServiceConfig.forServer(
            ServerEnv.of(s3, "hand-logs", Map.of("DIGEST_PROGRESS_TIMEOUT", "600000")));
    service =
        DigesterdService.builder(config)
            .digestBuilder(new GatedBuilder(new PipelineDigestBuilder(config, List.of())))
            .shutdownGrace(Duration.ofSeconds(5))
            .start();
    api = new Api(service.uri());
    store(MON, KEPT, GONE);
    store(TUE, KEPT_TUE, NEW);
    marker(BUILDING, "running", null);
    marker(FAILED, "failed", "the flow-log bucket was unreachable");
    assertEquals(202, api.post("/" + HAND).statusCode());
    assertEquals(200, api.awaitNot204("/" + HAND, Duration.ofMinutes(2)).statusCode());
  }

  @AfterAll
  static void stop() throws Exception {
    service.close();
    client.close();
    s3.close();
  }

  private static void store(DigestWindow window, String... lines) throws IOException {
    ByteArrayOutputStream gzip = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gzip)) {
      out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }
    String id = window.digestId().toString();
    client.putObject(
        b -> b.bucket(ServerEnv.DIGESTS).key(id + ".log.gz"),
        RequestBody.fromBytes(gzip.toByteArray()));
    client.putObject(
        b -> b.bucket(ServerEnv.DIGESTS).key(id + ".json"),
        RequestBody.fromString(
            DigestSummaryJson.write(Summaries.of(window, lines.length, gzip.size()))));
  }

  private static void marker(DigestWindow window, String state, String reason) {
    String now = Instant.now().toString();
    String body =
        "{\"id\":\""
            + window.digestId()
            + "\",\"state\":\""
            + state
            + "\",\"attempt\":1,\"owner\":\"other/1/x\""
            + ",\"startedAt\":\""
            + now
            + "\",\"updatedAt\":\""
            + now
            + "\""
            + (reason == null ? "" : ",\"reason\":\"" + reason + "\"")
            + "}";
    client.putObject(
        b -> b.bucket(ServerEnv.PROGRESS).key(window.digestId() + "_in_progress"),
        RequestBody.fromString(body, StandardCharsets.UTF_8));
  }

  private static String w(DigestWindow window) {
    return Api.window(window.start().toString(), window.stop().toString());
  }

  private static String diff(DigestWindow previous, DigestWindow next) {
    return "/diff?previous_start="
        + previous.start()
        + "&previous_stop="
        + previous.stop()
        + "&next_start="
        + next.start()
        + "&next_stop="
        + next.stop();
  }

  private static String message(HttpResponse<byte[]> response) throws IOException {
    assertEquals("application/json", Api.contentType(response));
    return JSON.readTree(response.body()).get("message").asText();
  }

  @Test
  void graphOfABuiltDigestHasOneEdgePerLineAndOneNodePerAddress() throws Exception {
    HttpResponse<byte[]> dot = api.get("/graph" + HAND);
    assertEquals(200, dot.statusCode(), Api.text(dot));
    assertEquals("text/vnd.graphviz; charset=utf-8", Api.contentType(dot));
    List<String> lines = Api.text(dot).lines().toList();
    assertEquals("digraph {", lines.get(0));
    assertEquals(4, lines.stream().filter(l -> l.contains(" -> ")).count());
    assertEquals(6, lines.stream().filter(l -> l.contains(" [label=")).count(), Api.text(dot));
    assertTrue(
        lines.contains(
            "  n10_2e0_2e0_2e9 -> n10_2e0_2e0_2e53 [govpc_accountID=\"111122223333\" govpc_eniID=\"eni-0bb\""
                + " govpc_srcPort=\"0\" govpc_dstPort=\"53\" govpc_protocol=\"17\" govpc_packets=\"2\" govpc_bytes=\"120\""
                + " govpc_start=\"1546302600\" govpc_end=\"-\" color=red label=\"accountID=111122223333\\neniID=eni-0bb\\nsrcPort=0"
                + "\\ndstPort=53\\nprotocol=17\\npackets=2\\nbytes=120\\nstart=1546302600\\nend=-\"]"),
        Api.text(dot));

    JsonNode json = JSON.readTree(api.get("/graph" + HAND + "&format=json").body());
    assertEquals(4, json.get("edges").size());
    Set<String> addresses = new TreeSet<>();
    json.get("nodes").forEach(n -> addresses.add(n.get("address").asText()));
    assertEquals(
        Set.of("10.0.0.1", "10.0.0.2", "10.0.0.9", "10.0.0.53", "2001:db8::1", "2001:db8::2"),
        addresses);

    JsonNode limited = JSON.readTree(api.get("/graph" + HAND + "&format=json&limit=1").body());
    assertEquals(1, limited.get("edges").size());
    assertEquals(1600, limited.get("edges").get(0).get("bytes").asLong());
    assertEquals(true, limited.get("limited").asBoolean());
    assertEquals(4, limited.get("edgesInDigest").asLong());
  }

  @Test
  void diffOfTwoStoredWindowsInDotAndJson() throws Exception {
    HttpResponse<byte[]> dot = api.get(diff(MON, TUE));
    assertEquals(200, dot.statusCode(), Api.text(dot));
    String text = Api.text(dot);
    assertEquals(2, text.lines().filter(l -> l.contains(" -> ")).count(), text);
    assertTrue(
        text.contains("n10_2e0_2e0_2e3 -> n10_2e0_2e0_2e2 [")
            && text.contains("color=red diff=REMOVED"),
        text);
    assertTrue(
        text.contains("n2001_3adb8_3a_3a1 -> n10_2e0_2e0_2e2 [")
            && text.contains("color=green diff=ADDED"),
        text);
    assertTrue(text.endsWith("  // added=1\n  // removed=1\n  // unchanged=1\n}\n"), text);

    JsonNode json = JSON.readTree(api.get(diff(MON, TUE) + "&format=json").body());
    assertEquals("REMOVED", json.get("edges").get(0).get("diff").asText());
    assertEquals("10.0.0.3", json.get("edges").get(0).get("srcaddr").asText());
    assertEquals("ADDED", json.get("edges").get(1).get("diff").asText());
    assertEquals("2001:db8::1", json.get("edges").get(1).get("srcaddr").asText());
    assertEquals(1, json.get("unchanged").asLong());

    JsonNode same = JSON.readTree(api.get(diff(MON, MON) + "&format=json").body());
    assertEquals(0, same.get("edges").size());
    assertEquals(2, same.get("unchanged").asLong());
  }

  @Test
  void queryFiltersAndRanksInEachFormat() throws Exception {
    JsonNode udp = JSON.readTree(api.get("/query" + HAND + "&protocol=udp").body());
    assertEquals(1, udp.get("records").size());
    assertEquals("10.0.0.53", udp.get("records").get(0).get("dstaddr").asText());
    assertEquals(4, udp.get("read").asLong());

    JsonNode v6 =
        JSON.readTree(api.get("/query" + HAND + "&addr=2001%3Adb8%3A%3A%2F64&port=22").body());
    assertEquals(1, v6.get("records").size());
    assertEquals("444455556666", v6.get("records").get(0).get("account-id").asText());

    JsonNode top = JSON.readTree(api.get("/query" + HAND + "&top=2&by=bytes&action=ACCEPT").body());
    assertEquals(
        List.of(1600L, 700L),
        List.of(
            top.get("records").get(0).get("bytes").asLong(),
            top.get("records").get(1).get("bytes").asLong()));

    HttpResponse<byte[]> csv =
        api.get("/query" + HAND + "&format=csv&account=111122223333&interface=eni-0aa");
    assertEquals("text/csv; charset=utf-8", Api.contentType(csv));
    assertEquals(3, Api.text(csv).lines().count(), Api.text(csv));
    HttpResponse<byte[]> ndjson = api.get("/query" + HAND + "&format=ndjson");
    assertEquals("application/x-ndjson", Api.contentType(ndjson));
    assertEquals(4, Api.text(ndjson).lines().count());
  }

  @Test
  void badParametersAre400NamingThem() throws Exception {
    Map<String, String> bad =
        Map.of(
            "/graph" + HAND + "&limit=0",
            "'limit'",
            "/graph" + HAND + "&format=svg",
            "'format'",
            "/graph" + HAND + "&colour=red",
            "'colour'",
            "/graph?start=2019-01-01T00:00:00Z",
            "'stop'",
            "/query" + HAND + "&addr=10.0.0.0/40",
            "'addr'",
            "/query" + HAND + "&port=1&port=2",
            "'port'",
            "/query" + HAND + "&by=flows",
            "'by'",
            "/diff?previous_start=2019-01-01T00:00:00Z&previous_stop=2019-01-01T01:00:00Z&next_start=2019-01-01T01:00:00Z",
            "'next_stop'",
            "/diff?previous_start=2019-01-01T02:00:00Z&previous_stop=2019-01-01T01:00:00Z&next_start=2019-01-01T01:00:00Z"
                + "&next_stop=2019-01-01T02:00:00Z",
            "parameter 'previous_start': start (2019-01-01T02:00:00Z) must be before");
    for (Map.Entry<String, String> request : bad.entrySet()) {
      HttpResponse<byte[]> response = api.get(request.getKey());
      assertEquals(400, response.statusCode(), request.getKey());
      assertTrue(
          message(response).contains(request.getValue()),
          request.getKey() + " -> " + message(response));
    }
  }

  @Test
  void buildingIs204NeverRequestedIs404NamingTheSideFailedIs424() throws Exception {
    assertEquals(204, api.get("/graph" + w(BUILDING)).statusCode());
    assertEquals(204, api.get("/query" + w(BUILDING)).statusCode());
    assertEquals(204, api.get(diff(MON, BUILDING)).statusCode());
    assertEquals(204, api.get(diff(BUILDING, TUE)).statusCode());

    HttpResponse<byte[]> never = api.get("/graph" + w(NEVER));
    assertEquals(404, never.statusCode());
    assertTrue(message(never).contains("was never requested"), message(never));
    HttpResponse<byte[]> nextMissing = api.get(diff(MON, NEVER));
    assertEquals(404, nextMissing.statusCode());
    assertTrue(
        message(nextMissing).startsWith("the next window's digest " + NEVER.digestId()),
        message(nextMissing));
    HttpResponse<byte[]> previousMissing = api.get(diff(NEVER, BUILDING));
    assertEquals(404, previousMissing.statusCode());
    assertTrue(
        message(previousMissing).startsWith("the previous window's digest"),
        message(previousMissing));

    HttpResponse<byte[]> failed = api.get("/query" + w(FAILED));
    assertEquals(424, failed.statusCode());
    assertTrue(message(failed).contains("the flow-log bucket was unreachable"), message(failed));
    HttpResponse<byte[]> failedNext = api.get(diff(MON, FAILED));
    assertEquals(424, failedNext.statusCode());
    assertTrue(message(failedNext).startsWith("the next window's digest"), message(failedNext));
  }

  @Test
  void digestsOverlappingARangeArePagedWithTheirSummaries() throws Exception {
    String range = "/digests?from=2020-01-06T00:30:00Z&to=2020-01-07T00:30:00Z";
    JsonNode first = JSON.readTree(api.get(range + "&limit=1").body());
    assertEquals(1, first.get("digests").size());
    Map<String, JsonNode> seen = new java.util.HashMap<>();
    first.get("digests").forEach(d -> seen.put(d.get("id").asText(), d));
    String next = first.get("next").asText();
    for (int pages = 0; next != null && pages < 10; pages++) {
      JsonNode page = JSON.readTree(api.get(range + "&limit=1&after=" + next).body());
      assertTrue(page.get("digests").size() <= 1);
      page.get("digests").forEach(d -> seen.put(d.get("id").asText(), d));
      next = page.get("next").isNull() ? null : page.get("next").asText();
    }
    assertEquals(Set.of(MON.digestId().toString(), TUE.digestId().toString()), seen.keySet());
    JsonNode mon = seen.get(MON.digestId().toString());
    assertEquals("done", mon.get("state").asText());
    assertEquals(2, mon.get("keys").asLong());
    assertEquals("2020-01-06T00:00:00Z", mon.get("start").asText());

    JsonNode all = JSON.readTree(api.get("/digests").body());
    Set<String> ids = new TreeSet<>();
    all.get("digests").forEach(d -> ids.add(d.get("id").asText()));
    assertTrue(
        ids.containsAll(
            Set.of(HandFixture.DIGEST_ID, MON.digestId().toString(), TUE.digestId().toString())),
        ids.toString());
    assertTrue(all.get("next").isNull());

    for (Map.Entry<String, String> bad :
        Map.of(
                "/digests?limit=0",
                "'limit'",
                "/digests?from=yesterday",
                "'from'",
                "/digests?after=x",
                "'after'",
                "/digests?from=2020-01-02T00:00:00Z&to=2020-01-01T00:00:00Z",
                "'from'",
                "/digests?page=2",
                "'page'")
            .entrySet()) {
      HttpResponse<byte[]> response = api.get(bad.getKey());
      assertEquals(400, response.statusCode(), bad.getKey());
      assertTrue(message(response).contains(bad.getValue()), message(response));
    }
  }

  @Test
  void aDamagedDigestAbortsTheAnswerInsteadOfEndingItCleanly() throws Exception {
    DigestWindow damaged = DigestWindow.parse("2020-01-11T00:00:00Z", "2020-01-11T01:00:00Z");
    store(damaged, KEPT, "not a digest line");
    HttpResponse<byte[]> graph = null;
    IOException aborted = null;
    try {
      graph = api.get("/graph" + w(damaged));
    } catch (IOException e) {
      aborted = e;
    }
    assertTrue(
        aborted != null || !Api.text(graph).endsWith("}\n"), "a cut answer must not look complete");
  }
}
