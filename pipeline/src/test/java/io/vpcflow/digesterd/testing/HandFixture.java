package io.vpcflow.digesterd.testing;

import io.vpcflow.digesterd.sample.ObjectSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A small bucket written by hand for the window 2019-01-01T00:00Z..01:00Z, covering all three key
 * layouts, header and header-less objects, a custom field order with IPv6, records of other
 * windows, a late-delivered object, an object outside the time-stamp slack, an empty object, a key
 * that breaks the naming rule and a corrupt object. {@link #EXPECTED_DIGEST} was worked out by
 * hand.
 */
public final class HandFixture {
  public static final String START = "2019-01-01T00:00:00Z";
  public static final String STOP = "2019-01-01T01:00:00Z";
  public static final String DIGEST_ID = "9740a140-ba85-5600-8b93-7b46eec77617";

  private static final String PLAIN_DAY = "AWSLogs/111122223333/vpcflowlogs/us-east-1/2019/01/01/";
  private static final String HIVE_HOUR =
      "AWSLogs/aws-account-id=444455556666/aws-service=vpcflowlogs/aws-region=eu-west-1/"
          + "year=2019/month=01/day=01/hour=00/";

  public static final String PLAIN_OBJECT =
      PLAIN_DAY + "111122223333_vpcflowlogs_us-east-1_fl-0a1b2c3d_20190101T0005Z_aa11.log.gz";
  public static final String HOURLY_OBJECT =
      PLAIN_DAY + "00/111122223333_vpcflowlogs_us-east-1_fl-0a1b2c3d_20190101T0030Z_bb22.log.gz";
  public static final String HIVE_OBJECT =
      HIVE_HOUR + "444455556666_vpcflowlogs_eu-west-1_fl-99887766_20190101T0055Z_cc33.log.gz";
  public static final String LATE_OBJECT =
      PLAIN_DAY + "111122223333_vpcflowlogs_us-east-1_fl-0a1b2c3d_20190101T0115Z_dd44.log.gz";
  public static final String FAR_OBJECT =
      PLAIN_DAY + "111122223333_vpcflowlogs_us-east-1_fl-0a1b2c3d_20190101T0300Z_ee55.log.gz";
  public static final String EMPTY_OBJECT =
      PLAIN_DAY + "111122223333_vpcflowlogs_us-east-1_fl-0a1b2c3d_20190101T0010Z_ff66.log.gz";
  public static final String CORRUPT_OBJECT =
      PLAIN_DAY + "111122223333_vpcflowlogs_us-east-1_fl-0a1b2c3d_20190101T0015Z_0077.log.gz";
  public static final String ODD_NAME = PLAIN_DAY + "README.txt";

  /** Lines in digest order, worked out by hand from the objects below. */
  public static final String EXPECTED_DIGEST =
      // plain: two records of one conversation merged (srcport 49152/50000 > 443 -> 0)
      // plus the late object's record at 00:58
      "2 111122223333 eni-0aa 10.0.0.1 10.0.0.2 0 443 6 16 1600 1546300800 1546304300 ACCEPT OK\n"
          // plain: reply direction, 443 < 49152 -> dstport 0
          + "2 111122223333 eni-0aa 10.0.0.2 10.0.0.1 443 0 6 7 700 1546300810 1546300870 ACCEPT OK\n"
          // hourly: UDP 53, rejected, end absent
          + "2 111122223333 eni-0bb 10.0.0.9 10.0.0.53 0 53 17 2 120 1546302600 - REJECT OK\n"
          // hive object: custom order, IPv6; 00:59:59 is in, 01:00:00 belongs to the next window
          + "5 444455556666 eni-0ff 2001:db8::1 2001:db8::2 0 22 6 3 300 1546304399 1546304420 ACCEPT OK\n";

  private HandFixture() {}

  /** Writes every object of the fixture. */
  public static void write(ObjectSink sink) throws IOException {
    sink.put(
        PLAIN_OBJECT,
        Gzip.gzip(
            "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status\n"
                + "2 111122223333 eni-0aa 10.0.0.1 10.0.0.2 49152 443 6 10 1000 1546300800 1546300860 ACCEPT OK\n"
                + "2 111122223333 eni-0aa 10.0.0.1 10.0.0.2 50000 443 6 5 500 1546300900 1546301000 ACCEPT OK\r\n"
                + "2 111122223333 eni-0aa   10.0.0.2 10.0.0.1 443 49152 6 7 700 1546300810 1546300870 ACCEPT OK\n"
                + "2 111122223333 eni-0aa - - - - - - - 1546300800 1546300860 - NODATA\n"
                + "garbage\n"
                + "2 111122223333 eni-0aa 10.0.0.1 10.0.0.2 50000 443 6 5 five 1546300900 1546301000 ACCEPT OK\n"
                + "2 111122223333 eni-0aa 10.0.0.1 10.0.0.2 50000 443 6 9 900 1546297200 1546297260 ACCEPT OK\n"));
    sink.put(
        HOURLY_OBJECT,
        Gzip.gzip(
            "2 111122223333 eni-0bb 10.0.0.9 10.0.0.53 40000 53 17 2 120 1546302600 - REJECT OK\n"));
    sink.put(
        HIVE_OBJECT,
        Gzip.gzip(
            "log-status action start end bytes packets protocol dstport srcport dstaddr srcaddr interface-id account-id version vpc-id\n"
                + "OK ACCEPT 1546304399 1546304420 300 3 6 22 51000 2001:db8::2 2001:db8::1 eni-0ff 444455556666 5 vpc-1\n"
                + "OK ACCEPT 1546304400 1546304460 999 9 6 22 51000 2001:db8::2 2001:db8::1 eni-0ff 444455556666 5 vpc-1\n"));
    sink.put(
        LATE_OBJECT,
        Gzip.gzip(
            "2 111122223333 eni-0aa 10.0.0.1 10.0.0.2 49999 443 6 1 100 1546304280 1546304300 ACCEPT OK\n"
                + "2 111122223333 eni-0aa 10.0.0.1 10.0.0.2 49999 443 6 1 100 1546304400 1546304460 ACCEPT OK\n"));
    sink.put(
        FAR_OBJECT,
        Gzip.gzip(
            "2 111122223333 eni-0aa 10.0.0.1 10.0.0.2 49999 443 6 1000 100000 1546300800 1546300860 ACCEPT OK\n"));
    sink.put(EMPTY_OBJECT, new byte[0]);
    sink.put(CORRUPT_OBJECT, "this is plain text, not gzip\n".getBytes(StandardCharsets.US_ASCII));
    sink.put(ODD_NAME, "notes".getBytes(StandardCharsets.US_ASCII));
  }
}
