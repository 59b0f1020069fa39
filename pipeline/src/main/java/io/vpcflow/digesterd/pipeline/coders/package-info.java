/** Deterministic Beam coders for the digest's keys, accumulators, objects and reports. */
package io.vpcflow.digesterd.pipeline.coders;
