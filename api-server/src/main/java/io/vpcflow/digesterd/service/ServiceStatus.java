package io.vpcflow.digesterd.service;

/**
 * The body of {@code GET /status} without a window: the service as a whole. Today that is the
 * stream.
 *
 * @param stream what the stream last reported
 */
public record ServiceStatus(StreamReport stream) {}
