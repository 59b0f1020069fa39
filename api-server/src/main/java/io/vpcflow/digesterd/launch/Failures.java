package io.vpcflow.digesterd.launch;

import io.vpcflow.digesterd.s3.BucketPurpose;
import java.util.ArrayList;
import java.util.List;

/** Turns an exception into the one-line reason recorded in a failed marker. */
final class Failures {
  private static final int MAX_LENGTH = 2000;

  private Failures() {}

  /**
   * The distinct messages along the cause chain, outermost first, joined with {@code " <- "};
   * exception class names where a message is missing; bucket URIs shown as {@code s3://} ({@link
   * BucketPurpose#display}).
   */
  static String describe(Throwable failure) {
    List<String> parts = new ArrayList<>();
    for (Throwable t = failure;
        t != null && parts.size() < 8;
        t = t.getCause() == t ? null : t.getCause()) {
      String message =
          t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
      if (parts.stream().noneMatch(p -> p.contains(message))) {
        parts.add(message);
      }
    }
    String reason = BucketPurpose.display(String.join(" <- ", parts).replaceAll("\\s+", " "));
    return reason.length() <= MAX_LENGTH ? reason : reason.substring(0, MAX_LENGTH) + "...";
  }
}
