package io.vpcflow.digesterd.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.vpcflow.digesterd.report.DigestSummary;
import java.time.Instant;

/**
 * The body of {@code GET /status}: one window's digest. Fields that do not apply are left out.
 *
 * @param id the digest id
 * @param start the window start (RFC 3339, UTC, truncated to the minute)
 * @param stop the window stop
 * @param state where the digest is
 * @param attempt which attempt the marker describes
 * @param owner the process that queued or runs it
 * @param runner the Beam runner
 * @param runnerReason why that runner was chosen
 * @param progress objects and bytes read of the totals
 * @param queuedAt when the attempt was accepted
 * @param startedAt when a worker started it
 * @param updatedAt when the marker was last written
 * @param finishedAt when it ended
 * @param durationMillis how long it ran (so far, while running)
 * @param reason why it failed
 * @param summary the digest's {@code <id>.json}: objects, records, keys, digest size; for a failed
 *     attempt, the failure it recorded there
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DigestStatus(
    String id,
    Instant start,
    Instant stop,
    DigestState state,
    Integer attempt,
    String owner,
    String runner,
    String runnerReason,
    StatusProgress progress,
    Instant queuedAt,
    Instant startedAt,
    Instant updatedAt,
    Instant finishedAt,
    Long durationMillis,
    String reason,
    DigestSummary summary) {}
