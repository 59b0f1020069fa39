package io.vpcflow.digesterd.stream;

import io.vpcflow.digesterd.pipeline.DigestOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/**
 * Options of the streaming digest pipeline: the batch options (buckets, layout, slack, parsing, S3)
 * and the stream's poll interval, windows, lateness and resume point. The batch window ({@code
 * --start}, {@code --stop}) is not used.
 */
public interface StreamOptions extends DigestOptions {
  @Description(
      "How often the flow-log store is listed for new objects (ISO-8601, DIGEST_STREAM_POLL).")
  @Default.String("PT1M")
  String getStreamPoll();

  void setStreamPoll(String value);

  @Description(
      "Length of the fixed, UTC-aligned windows digested (ISO-8601, DIGEST_STREAM_WINDOW).")
  @Default.String("PT1H")
  String getStreamWindow();

  void setStreamWindow(String value);

  @Description(
      "How long after a window's end its records are still taken (ISO-8601, DIGEST_STREAM_LATENESS).")
  @Default.String("PT15M")
  String getStreamLateness();

  void setStreamLateness(String value);

  @Description(
      "Start (RFC 3339) of the first window to digest when no resume point is stored; empty: the "
          + "first window still open now.")
  @Default.String("")
  String getStreamFrom();

  void setStreamFrom(String value);

  @Description("How far back from now each poll lists objects (ISO-8601).")
  @Default.String("P1D")
  String getStreamHorizon();

  void setStreamHorizon(String value);

  @Description(
      "URI of the object holding the stream's resume point (the first window not closed yet), "
          + "read at start and advanced as windows close; the stream's status.json, saved parts "
          + "(parts/) and read records (read/) go next to it; empty: stream/state.json under the "
          + "storage location.")
  @Default.String("")
  String getStreamState();

  void setStreamState(String value);

  @Description(
      "The shortest time between two writes of the stream's status document (status.json next to "
          + "the resume point), but those at a window's close (ISO-8601).")
  @Default.String("PT5S")
  String getStreamStatusEvery();

  void setStreamStatusEvery(String value);
}
