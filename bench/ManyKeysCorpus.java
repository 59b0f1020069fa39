import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * A corpus of very many distinct conversations for the bounded-memory benchmark: OBJECTS
 * five-minute objects of RECORDS v2 records each, one account and region, each record's
 * conversation drawn uniformly from SPACE conversations (so about SPACE * (1 - e^(-N/SPACE))
 * distinct digest keys for N records). Run with: java bench/ManyKeysCorpus.java DIR FROM OBJECTS
 * RECORDS SPACE
 */
public class ManyKeysCorpus {
  private static final String ACCOUNT = "123456789012";
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

  public static void main(String[] args) throws Exception {
    Path root = Paths.get(args[0]);
    Instant from = Instant.parse(args[1]);
    int objects = Integer.parseInt(args[2]);
    int records = Integer.parseInt(args[3]);
    int space = Integer.parseInt(args[4]);
    SplittableRandom random = new SplittableRandom(20261203);
    for (int o = 0; o < objects; o++) {
      Instant stamp = from.plusSeconds(300L * (o + 1));
      Path dir = root.resolve("AWSLogs/" + ACCOUNT + "/vpcflowlogs/us-east-1/" + DAY.format(stamp));
      Files.createDirectories(dir);
      Path file = dir.resolve(ACCOUNT + "_vpcflowlogs_us-east-1_fl-0123456789abcdef0_" + STAMP.format(stamp) + "_" + o + ".log.gz");
      long start = stamp.getEpochSecond() - 300;
      try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16)) {
        StringBuilder text = new StringBuilder("version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status\n");
        for (int r = 0; r < records; r++) {
          int c = random.nextInt(space);
          long s = start + random.nextInt(240);
          text.append("2 ").append(ACCOUNT).append(" eni-").append(Integer.toHexString(0x10000 + c % 4096)).append(' ')
              .append("10.").append((c >> 16) & 255).append('.').append((c >> 8) & 255).append('.').append(c & 255).append(' ')
              .append("172.16.").append((c >> 24) & 255).append('.').append(c % 250).append(' ')
              .append(32768 + random.nextInt(28000)).append(' ').append(c % 7 == 0 ? 22 : 443).append(" 6 ")
              .append(1 + random.nextInt(30)).append(' ').append(60 + random.nextInt(20000)).append(' ')
              .append(s).append(' ').append(s + 1 + random.nextInt(59)).append(' ')
              .append(c % 13 == 0 ? "REJECT" : "ACCEPT").append(" OK\n");
          if (text.length() > 1 << 20) {
            out.write(text.toString().getBytes(StandardCharsets.US_ASCII));
            text.setLength(0);
          }
        }
        out.write(text.toString().getBytes(StandardCharsets.US_ASCII));
      }
    }
  }
}
