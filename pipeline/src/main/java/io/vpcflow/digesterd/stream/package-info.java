/**
 * Streaming mode: digests that build themselves as flow logs land. The flow-log store is polled
 * for new objects ({@link io.vpcflow.digesterd.stream.StreamPoll}), each object is read once and
 * its records are folded per fixed, UTC-aligned event-time window ({@link
 * io.vpcflow.digesterd.stream.WindowedTables}), and a window's digest is written when the
 * watermark passes its end plus the allowed lateness ({@link
 * io.vpcflow.digesterd.stream.StreamWindows}), with the same objects and bytes as the batch path.
 * The Beam transforms ({@link io.vpcflow.digesterd.stream.DigestStream}) only delegate to these
 * plain classes.
 */
package io.vpcflow.digesterd.stream;
