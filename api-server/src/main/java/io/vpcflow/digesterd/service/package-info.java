/**
 * The service: what the API's requests do to markers, stores and queues ({@link
 * io.vpcflow.digesterd.service.Digests}), and {@link
 * io.vpcflow.digesterd.service.DigesterdService}, which wires the built-in modules, or custom ones
 * given to its builder, and starts the HTTP API.
 */
package io.vpcflow.digesterd.service;
