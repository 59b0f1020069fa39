package io.vpcflow.digesterd.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.vpcflow.digesterd.stream.StreamStatus;

/**
 * The {@code stream} section of {@code GET /status} without a window: the status document the
 * stream last wrote, its fields inline. Fields that do not apply are left out.
 *
 * @param reported whether a stream has written its status to {@code location}; false (with a {@code
 *     message}) when none ever did
 * @param location where the document is read from ({@code status.json} in the stream's folder)
 * @param message why nothing is reported, when nothing is
 * @param ageMillis how long ago the document was written (a stream writes it at each window's close
 *     and at most every few seconds while objects arrive; it stays old while nothing lands and when
 *     the stream has stopped)
 * @param status the document: {@code startedAt}, {@code updatedAt}, {@code lastObject}, {@code
 *     watermark}, {@code openWindows}, {@code lastClosedWindow}, {@code objectsRead}, {@code
 *     objectsAlreadyRead}, {@code records}, {@code lateRecords}, {@code windowsClosed}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StreamReport(
    boolean reported,
    String location,
    String message,
    Long ageMillis,
    @JsonUnwrapped StreamStatus status) {

  /** Nothing reported at {@code location}. */
  public static StreamReport none(String location) {
    return new StreamReport(
        false,
        location,
        "no stream has written its status here: run the stream command, or serve with DIGEST_STREAMING=true, "
            + "with the same DIGEST_PROGRESS_BUCKET",
        null,
        null);
  }
}
