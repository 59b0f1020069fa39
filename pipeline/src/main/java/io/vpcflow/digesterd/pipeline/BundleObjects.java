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
  private transient SmallObjects objects;

  /**
   * @param location the folder or object ({@link SmallObjects#under})
   */
  public BundleObjects(String location) {
    this.location = location;
  }

  /** Opens the objects with {@code options}, unless they are open already. */
  public void open(PipelineOptions options) {
    if (objects == null) {
      objects = SmallObjects.under(location, options);
    }
  }

  /**
   * The open objects.
   *
   * @throws IllegalStateException when {@link #open} was not called first
   */
  public SmallObjects get() {
    if (objects == null) {
      throw new IllegalStateException("not open: call open from @StartBundle");
    }
    return objects;
  }

  /** Closes the objects if they are open; {@link #open} opens them again. */
  public void close() {
    if (objects != null) {
      objects.close();
      objects = null;
    }
  }
}
