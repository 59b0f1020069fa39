/**
 * Deterministic Beam coders for what travels between the batch pipeline's steps: planned objects,
 * shard results and their run descriptors, read reports, the merge plan and merged parts.
 */
package io.vpcflow.digesterd.pipeline.coders;
