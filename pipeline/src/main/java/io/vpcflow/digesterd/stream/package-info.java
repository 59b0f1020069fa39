/**
 * Streaming mode: digests that build themselves as flow logs land. The flow-log store is polled for
 * new objects ({@link io.vpcflow.digesterd.stream.StreamPoll}), each object is read once and its
 * records are folded per fixed, UTC-aligned event-time window ({@link
 * io.vpcflow.digesterd.stream.WindowedTables}), and a window's digest is written when the watermark
 * passes its end plus the allowed lateness ({@link io.vpcflow.digesterd.stream.StreamWindows}),
 * with the same objects and bytes as the batch path. What a restart needs is kept next to the
 * stream's resume point ({@link io.vpcflow.digesterd.stream.ResumePoint}): each object's
 * pre-aggregated parts and read record ({@link io.vpcflow.digesterd.stream.SavedParts}), so no
 * object is read twice, and the stream's status document ({@link
 * io.vpcflow.digesterd.stream.StreamStatus}) for the API. The Beam transforms ({@link
 * io.vpcflow.digesterd.stream.DigestStream}) only delegate to these plain classes.
 */
package io.vpcflow.digesterd.stream;
