package io.vpcflow.digesterd.pipeline;

import java.io.Serializable;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * A DoFn's {@link SmallObjects} for objects at or under one location: opened at the DoFn's first
 * bundle with that bundle's options ({@link #open}, from {@code @StartBundle}), kept for its later
 * bundles, closed at its teardown ({@link #close}, from {@code @Teardown}).
 */
public final class BundleObjects implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String location;
  private transient SmallObjects put;

  /**
   * @param location the folder or object written ({@link SmallObjects#under})
   */
  public BundleObjects(String location) {
    this.location = location;
  }

  /** Opens the writer with {@code options}, unless it is open already. */
  public void open(PipelineOptions options) {
    if (put == null) {
      put = SmallObjects.under(location, options);
    }
  }

  /**
   * The open writer.
   *
   * @throws IllegalStateException when {@link #open} was not called first
   */
  public SmallObjects get() {
    if (put == null) {
      throw new IllegalStateException("not open: call open from @StartBundle");
    }
    return put;
  }

  /** Closes the writer if it is open; {@link #open} opens a new one. */
  public void close() {
    if (put != null) {
      put.close();
      put = null;
    }
  }
}
