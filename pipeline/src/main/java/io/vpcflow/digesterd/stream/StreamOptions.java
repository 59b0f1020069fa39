package io.vpcflow.digesterd.stream;

import io.vpcflow.digesterd.pipeline.DurationDefaults;
import io.vpcflow.digesterd.pipeline.FlowLogOptions;
import java.time.Duration;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/**
 * Options of the streaming digest pipeline: what every path reads flow logs with ({@link
 * FlowLogOptions}) and the stream's poll interval, windows, lateness and resume point. Durations
 * are ISO-8601 on the command line ({@code --streamPoll=PT30S}).
 */
public interface StreamOptions extends FlowLogOptions {
  @Description(
      "How often the flow-log store is listed for new objects (ISO-8601, DIGEST_STREAM_POLL, "
          + "default PT1M).")
  @Default.InstanceFactory(DurationDefaults.OneMinute.class)
  Duration getStreamPoll();

  void setStreamPoll(Duration value);

  @Description(
      "Length of the fixed, UTC-aligned windows digested (ISO-8601, DIGEST_STREAM_WINDOW, default "
          + "PT1H).")
  @Default.InstanceFactory(DurationDefaults.OneHour.class)
  Duration getStreamWindow();

  void setStreamWindow(Duration value);

  @Description(
      "How long after a window's end its records are still taken (ISO-8601, "
          + "DIGEST_STREAM_LATENESS, default PT15M).")
  @Default.InstanceFactory(DurationDefaults.FifteenMinutes.class)
  Duration getStreamLateness();

  void setStreamLateness(Duration value);

  @Description(
      "Start (RFC 3339) of the first window to digest when no resume point is stored; empty: the "
          + "first window still open now.")
  @Default.String("")
  String getStreamFrom();

  void setStreamFrom(String value);

  @Description("How far back from now each poll lists objects (ISO-8601, default P1D).")
  @Default.InstanceFactory(DurationDefaults.OneDay.class)
  Duration getStreamHorizon();

  void setStreamHorizon(Duration value);

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
          + "the resume point), but those at a window's close (ISO-8601, default PT5S).")
  @Default.InstanceFactory(DurationDefaults.FiveSeconds.class)
  Duration getStreamStatusEvery();

  void setStreamStatusEvery(Duration value);
}
