package io.vpcflow.digesterd.sample;

import io.vpcflow.digesterd.layout.FlowLogObjectName;
import io.vpcflow.digesterd.layout.KeyLayout;
import io.vpcflow.digesterd.layout.ObjectFormat;
import io.vpcflow.digesterd.parquet.FlowLogParquetWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Writes realistic v2 flow-log objects (gzip'd text or Parquet): a header line, then records of
 * skewed-popularity conversations between private and public addresses on common service ports,
 * with ephemeral client ports, both directions, ACCEPT and REJECT, and a few NODATA records. Each
 * record starts within the object interval before its object's time stamp. Deterministic for a
 * given spec.
 */
public final class SampleFlowLogs {
  private static final String HEADER =
      "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status\n";

  /** Rows per Parquet row group: large objects get several, as AWS's larger files do. */
  private static final int PARQUET_ROW_GROUP_ROWS = 50_000;

  private static final int[] SERVICE_PORTS = {443, 80, 22, 53, 3306, 5432, 6379, 8080, 123, 3389};

  private SampleFlowLogs() {}

  /**
   * Generates every object of the spec into {@code sink}.
   *
   * @return the number of records written (not counting headers)
   */
  public static long generate(SampleSpec spec, ObjectSink sink) throws IOException {
    return generate(spec, ObjectFormat.TEXT, sink);
  }

  /**
   * Generates every object of the spec into {@code sink} in the given format: gzip'd text, or
   * Parquet in AWS's schema and naming ({@code .log.parquet}, GZIP pages) holding the same records.
   *
   * @return the number of records written (not counting headers)
   */
  public static long generate(SampleSpec spec, ObjectFormat format, ObjectSink sink)
      throws IOException {
    long records = 0;
    long intervalSeconds = spec.objectInterval().getSeconds();
    long first = spec.from().getEpochSecond() / intervalSeconds * intervalSeconds;
    long end = spec.from().plus(spec.duration()).getEpochSecond();
    for (int a = 0; a < spec.accounts().size(); a++) {
      String account = spec.accounts().get(a);
      KeyLayout layout = spec.layouts().get(a % spec.layouts().size());
      for (int r = 0; r < spec.regions().size(); r++) {
        String region = spec.regions().get(r);
        Conversations pool = new Conversations(spec, a, r);
        String flowLogId = String.format("fl-%08x%08x", a + 1, r + 1);
        Random random = new Random(spec.seed() * 31 + a * 1009L + r);
        for (long stamp = first; stamp < end; stamp += intervalSeconds) {
          Instant time = Instant.ofEpochSecond(stamp);
          String key = key(layout, spec.hourly(), account, region, flowLogId, time, format, random);
          String text = text(spec, pool, account, stamp - intervalSeconds, intervalSeconds, random);
          sink.put(key, encode(text, format));
          records += spec.recordsPerObject();
        }
      }
    }
    return records;
  }

  /** The AWS key of an object. */
  static String key(
      KeyLayout layout,
      boolean hourly,
      String account,
      String region,
      String flowLogId,
      Instant time,
      ObjectFormat format,
      Random random) {
    ZonedDateTime t = time.atZone(ZoneOffset.UTC);
    String folder =
        "AWSLogs/"
            + layout.regionPrefix(account, region)
            + layout.dayFolder(t.toLocalDate())
            + (hourly ? layout.hourFolder(t.getHour()) : "");
    String hash = String.format("%08x", random.nextInt());
    return folder + new FlowLogObjectName(account, region, flowLogId, time, format).fileName(hash);
  }

  private static String text(
      SampleSpec spec,
      Conversations pool,
      String account,
      long intervalStart,
      long intervalSeconds,
      Random random) {
    StringBuilder text = new StringBuilder(spec.recordsPerObject() * 110);
    text.append(HEADER);
    for (int i = 0; i < spec.recordsPerObject(); i++) {
      long start = intervalStart + random.nextInt((int) intervalSeconds);
      long stop = start + 1 + random.nextInt(60);
      if (random.nextInt(500) == 0) {
        text.append("2 ")
            .append(account)
            .append(' ')
            .append(pool.eni(random.nextInt(pool.enis())))
            .append(" - - - - - - - ")
            .append(start)
            .append(' ')
            .append(stop)
            .append(" - NODATA\n");
        continue;
      }
      pool.appendRecord(text, random, account, start, stop);
    }
    return text.toString();
  }

  private static byte[] encode(String text, ObjectFormat format) throws IOException {
    if (format == ObjectFormat.PARQUET) {
      return new FlowLogParquetWriter(CompressionCodecName.GZIP, PARQUET_ROW_GROUP_ROWS)
          .write(text);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length() / 4);
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write(text.getBytes(StandardCharsets.US_ASCII));
    }
    return bytes.toByteArray();
  }

  /** The conversations of one account and region, with Zipf-like popularity. */
  private static final class Conversations {
    private final int[] eni;
    private final String[] inside;
    private final String[] outside;
    private final int[] servicePort;
    private final int[] protocol;
    private final boolean[] rejected;
    private final int enis;
    private final int size;

    Conversations(SampleSpec spec, int account, int region) {
      Random random = new Random(spec.seed() ^ (account * 7919L + region * 104729L));
      size = Math.max(1, spec.conversations());
      enis = Math.max(1, size / 50);
      eni = new int[size];
      inside = new String[size];
      outside = new String[size];
      servicePort = new int[size];
      protocol = new int[size];
      rejected = new boolean[size];
      // One /16 per account and region while they fit (16 regions an account), shared beyond.
      int privateOctet = (account * 16 + region) % 256;
      for (int c = 0; c < size; c++) {
        eni[c] = random.nextInt(enis);
        inside[c] =
            "10." + privateOctet + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
        outside[c] =
            random.nextInt(3) == 0
                ? "10." + privateOctet + "." + random.nextInt(256) + "." + (1 + random.nextInt(254))
                : (1 + random.nextInt(223))
                    + "."
                    + random.nextInt(256)
                    + "."
                    + random.nextInt(256)
                    + "."
                    + (1 + random.nextInt(254));
        servicePort[c] =
            SERVICE_PORTS[
                Math.min(SERVICE_PORTS.length - 1, (int) (Math.abs(random.nextGaussian()) * 3))];
        protocol[c] = servicePort[c] == 53 || servicePort[c] == 123 ? 17 : 6;
        rejected[c] = random.nextInt(20) == 0;
      }
    }

    int enis() {
      return enis;
    }

    String eni(int index) {
      return String.format("eni-%017x", index + 1L);
    }

    void appendRecord(StringBuilder text, Random random, String account, long start, long stop) {
      double u = random.nextDouble();
      int c = (int) Math.min(size - 1, Math.floor(size * u * u * u));
      int client = 32768 + random.nextInt(28232);
      boolean fromInside = random.nextBoolean();
      String src = fromInside ? inside[c] : outside[c];
      String dst = fromInside ? outside[c] : inside[c];
      boolean request = random.nextBoolean();
      int srcport = request ? client : servicePort[c];
      int dstport = request ? servicePort[c] : client;
      if (!request) {
        String swap = src;
        src = dst;
        dst = swap;
      }
      int packets = 1 + random.nextInt(40);
      text.append("2 ")
          .append(account)
          .append(' ')
          .append(eni(eni[c]))
          .append(' ')
          .append(src)
          .append(' ')
          .append(dst)
          .append(' ')
          .append(srcport)
          .append(' ')
          .append(dstport)
          .append(' ')
          .append(protocol[c])
          .append(' ')
          .append(packets)
          .append(' ')
          .append(packets * (40 + random.nextInt(1400)))
          .append(' ')
          .append(start)
          .append(' ')
          .append(stop)
          .append(' ')
          .append(rejected[c] ? "REJECT" : "ACCEPT")
          .append(" OK\n");
    }
  }
}
