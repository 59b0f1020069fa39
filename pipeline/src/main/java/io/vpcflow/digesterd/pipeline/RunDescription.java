package io.vpcflow.digesterd.pipeline;

import io.vpcflow.digesterd.report.SkippedObject;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * What the digest writer needs to know about the run beyond the data: the window and its id, where
 * to store, the runner, when the run started and what listing found and skipped.
 *
 * @param digestId the digest id
 * @param start the window start
 * @param stop the window stop
 * @param storage the storage location, as parsed by {@code StoreLocation}
 * @param runner the runner's name
 * @param runnerReason why that runner was chosen
 * @param startedAt when the run started
 * @param listedObjects objects the listing returned
 * @param plannedSkips objects skipped at listing (empty, unrecognised name)
 * @param runToken the run's {@link RunCancellation} token
 */
record RunDescription(
    String digestId,
    Instant start,
    Instant stop,
    String storage,
    String runner,
    String runnerReason,
    Instant startedAt,
    long listedObjects,
    List<SkippedObject> plannedSkips,
    String runToken)
    implements Serializable {}
