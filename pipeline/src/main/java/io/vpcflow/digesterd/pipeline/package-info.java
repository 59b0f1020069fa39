/**
 * The batch Beam pipeline that turns the flow-log objects of a window into one digest object:
 * options, the composite transforms (list, plan and deal objects, fold shards into sorted runs,
 * plan the merge by key ranges, merge, commit) and their {@code DoFn}s, which delegate to the pure
 * packages; progress reporting and the Beam file adapters the readers use.
 */
package io.vpcflow.digesterd.pipeline;
