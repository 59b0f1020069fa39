/**
 * Handing accepted digests to workers: the standalone {@link
 * io.vpcflow.digesterd.queue.StandaloneQueuer} feeds this process's launch pool; the {@link
 * io.vpcflow.digesterd.queue.HttpQueuer} posts each job to an event bus ({@code
 * STREAM_APPLIANCE_ENDPOINT}), which delivers it to a worker's {@code POST /{topic}/{event}}.
 */
package io.vpcflow.digesterd.queue;
