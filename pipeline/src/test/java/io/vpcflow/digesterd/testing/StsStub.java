package io.vpcflow.digesterd.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local AWS STS endpoint for tests, speaking the real AssumeRole protocol (AWS Query: a
 * form-encoded POST signed with SigV4, answered with the {@code AssumeRoleResponse} XML). It knows
 * a set of roles, each granted some buckets of a {@link GrantedS3Server}: AssumeRole of a known
 * role, signed by the one base access key allowed to assume roles, answers temporary credentials
 * (access key id, secret, session token, expiry in one hour) that the S3 server then accepts for
 * the role's buckets only. The access key id of a role is {@link #accessKeyOf(String)}, so a test
 * can tell who signed a request. Anything else is answered 403 {@code AccessDenied}. Every call is
 * recorded.
 */
public final class StsStub implements AutoCloseable {
  private static final Pattern CREDENTIAL =
      Pattern.compile("Credential=([^/,\\s]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request");

  /**
   * One AssumeRole call.
   *
   * @param roleArn the role asked for
   * @param sessionName the role session name
   * @param accessKeyId who signed the call
   * @param region the region the call was signed for
   * @param granted whether credentials were answered
   */
  public record Call(
      String roleArn, String sessionName, String accessKeyId, String region, boolean granted) {}

  private final HttpServer http;
  private final GrantedS3Server s3;
  private final String baseAccessKey;
  private final Map<String, Set<String>> roles;
  private final List<Call> calls = new CopyOnWriteArrayList<>();

  private StsStub(
      HttpServer http, GrantedS3Server s3, String baseAccessKey, Map<String, Set<String>> roles) {
    this.http = http;
    this.s3 = s3;
    this.baseAccessKey = baseAccessKey;
    this.roles = Map.copyOf(roles);
  }

  /**
   * Starts the endpoint on a free loopback port.
   *
   * @param s3 the S3 server whose buckets the roles are granted
   * @param baseAccessKey the only access key that may assume the roles
   * @param roles the buckets of each role, by role ARN
   */
  public static StsStub start(
      GrantedS3Server s3, String baseAccessKey, Map<String, Set<String>> roles) throws IOException {
    HttpServer http =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    StsStub stub = new StsStub(http, s3, baseAccessKey, roles);
    http.createContext("/", stub::handle);
    http.start();
    return stub;
  }

  /** The endpoint, for {@code AWS_ENDPOINT_URL_STS}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
  }

  /**
   * The access key id of the temporary credentials of {@code roleArn}: {@code ASIA} and the role's
   * name.
   */
  public static String accessKeyOf(String roleArn) {
    String name = roleArn.substring(roleArn.lastIndexOf('/') + 1);
    return "ASIA" + name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
  }

  /** The AssumeRole calls so far. */
  public List<Call> calls() {
    return List.copyOf(calls);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Map<String, String> form = new HashMap<>();
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String query = exchange.getRequestURI().getRawQuery();
      for (String source : new String[] {body, query == null ? "" : query}) {
        for (String pair : source.split("&")) {
          int eq = pair.indexOf('=');
          if (eq > 0) {
            form.put(
                URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
          }
        }
      }
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      Matcher signer = CREDENTIAL.matcher(authorization == null ? "" : authorization);
      String accessKey = "-";
      String region = "-";
      if (signer.find()) {
        accessKey = signer.group(1);
        region = signer.group(3);
      }
      String roleArn = form.getOrDefault("RoleArn", "");
      String session = form.getOrDefault("RoleSessionName", "");
      boolean known = "AssumeRole".equals(form.get("Action")) && roles.containsKey(roleArn);
      boolean granted = known && baseAccessKey.equals(accessKey) && !session.isEmpty();
      calls.add(new Call(roleArn, session, accessKey, region, granted));
      if (!granted) {
        answer(
            exchange,
            403,
            error(
                "AccessDenied",
                "User: "
                    + accessKey
                    + " is not authorized to perform: sts:AssumeRole on resource: "
                    + roleArn));
        return;
      }
      String keyId = accessKeyOf(roleArn);
      String secret = "secret-of-" + keyId;
      String token = "token-" + UUID.randomUUID();
      s3.grant(keyId, secret, roles.get(roleArn));
      Instant expires = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
      answer(
          exchange,
          200,
          "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
              + "<AssumeRoleResult>"
              + "<AssumedRoleUser><AssumedRoleId>AROA"
              + keyId.substring(4)
              + ":"
              + session
              + "</AssumedRoleId>"
              + "<Arn>"
              + roleArn.replace(":iam::", ":sts::").replace(":role/", ":assumed-role/")
              + "/"
              + session
              + "</Arn>"
              + "</AssumedRoleUser>"
              + "<Credentials>"
              + "<AccessKeyId>"
              + keyId
              + "</AccessKeyId>"
              + "<SecretAccessKey>"
              + secret
              + "</SecretAccessKey>"
              + "<SessionToken>"
              + token
              + "</SessionToken>"
              + "<Expiration>"
              + expires
              + "</Expiration>"
              + "</Credentials>"
              + "<PackedPolicySize>0</PackedPolicySize>"
              + "</AssumeRoleResult>"
              + "<ResponseMetadata><RequestId>"
              + UUID.randomUUID()
              + "</RequestId></ResponseMetadata>"
              + "</AssumeRoleResponse>");
    }
  }

  private static String error(String code, String message) {
    return "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
        + "<Error><Type>Sender</Type><Code>"
        + code
        + "</Code><Message>"
        + message
        + "</Message></Error>"
        + "<RequestId>"
        + UUID.randomUUID()
        + "</RequestId>"
        + "</ErrorResponse>";
  }

  private static void answer(HttpExchange exchange, int status, String xml) throws IOException {
    byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/xml");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    http.stop(0);
  }
}
