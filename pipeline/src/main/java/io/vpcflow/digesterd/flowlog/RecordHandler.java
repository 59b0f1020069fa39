package io.vpcflow.digesterd.flowlog;

/** Receives the {@code OK} records of a flow-log object, one at a time. */
@FunctionalInterface
public interface RecordHandler {
  /**
   * Takes one record (a view valid only during this call).
   *
   * @return {@code true} when the record was digested, {@code false} when it lies outside the
   *     window being digested
   */
  boolean accept(FlowLogRecord record);
}
