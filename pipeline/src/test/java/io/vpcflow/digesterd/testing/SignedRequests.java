package io.vpcflow.digesterd.testing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What went over the wire to an S3 server, as a {@link FaultProxy#onRequest request listener}
 * records it: for every request, its method, bucket (path-style addressing: the first path
 * segment), key and who signed it for which region, from the SigV4 {@code Authorization} header
 * ({@code Credential=<access key id>/<date>/<region>/<service>/aws4_request}).
 */
public final class SignedRequests implements Consumer<String> {
  private static final Pattern CREDENTIAL =
      Pattern.compile("Credential=([^/,\\s]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request");

  /**
   * One request.
   *
   * @param method the HTTP method
   * @param bucket the bucket ({@code ""} for requests to the service, such as ListBuckets)
   * @param key the object key ({@code ""} for bucket requests)
   * @param accessKeyId who signed it ({@code "-"} when unsigned)
   * @param region the region it was signed for ({@code "-"} when unsigned)
   * @param service the service it was signed for ({@code "-"} when unsigned)
   */
  public record Request(
      String method, String bucket, String key, String accessKeyId, String region, String service) {
    /** {@code accessKeyId@region}. */
    public String signer() {
      return accessKeyId + "@" + region;
    }
  }

  private final List<Request> requests = new CopyOnWriteArrayList<>();

  @Override
  public void accept(String head) {
    String[] lines = head.split("\r\n");
    String[] requestLine = lines[0].split(" ");
    String target = requestLine.length > 1 ? requestLine[1] : "/";
    int query = target.indexOf('?');
    String path = query < 0 ? target : target.substring(0, query);
    String[] parts = path.replaceFirst("^/", "").split("/", 2);
    String bucket = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
    String key = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "";
    String accessKey = "-";
    String region = "-";
    String service = "-";
    for (String line : lines) {
      if (line.toLowerCase(Locale.ROOT).startsWith("authorization:")) {
        Matcher m = CREDENTIAL.matcher(line);
        if (m.find()) {
          accessKey = m.group(1);
          region = m.group(3);
          service = m.group(4);
        }
      }
    }
    requests.add(new Request(requestLine[0], bucket, key, accessKey, region, service));
  }

  /** Every request so far, in order. */
  public List<Request> all() {
    return List.copyOf(requests);
  }

  /** The requests so far to {@code bucket}. */
  public List<Request> to(String bucket) {
    return requests.stream().filter(r -> r.bucket().equals(bucket)).toList();
  }

  /** The distinct {@link Request#signer() signers} of the requests so far, by bucket. */
  public Map<String, Set<String>> signersByBucket() {
    Map<String, Set<String>> signers = new TreeMap<>();
    for (Request r : requests) {
      signers.computeIfAbsent(r.bucket(), b -> new TreeSet<>()).add(r.signer());
    }
    return signers;
  }

  /** Forgets the requests so far. */
  public void clear() {
    requests.clear();
  }
}
