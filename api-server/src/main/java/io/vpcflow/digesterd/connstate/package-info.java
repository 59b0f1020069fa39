/**
 * HTTP connection states as upstream's runhttp counts them (Go's {@code http.ConnState}): which
 * state each open connection is in and how many connections entered each state. Plain Java, fed by
 * the HTTP server's connection events and read by the stats.
 */
package io.vpcflow.digesterd.connstate;
