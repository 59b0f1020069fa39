/**
 * The Beam pipeline that turns the flow-log objects of a window into one digest object: options,
 * the composite transforms and their {@code DoFn}s and {@code CombineFn}s, which delegate to the
 * pure packages.
 */
package io.vpcflow.digesterd.pipeline;
