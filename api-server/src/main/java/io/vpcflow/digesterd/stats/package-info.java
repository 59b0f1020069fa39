/**
 * Stats: the Micrometer registry chosen by {@code RUNTIME_STATS_*} (StatsD in the Datadog flavour
 * over UDP, or none), the names of the service's meters, and the two groups recorded from several
 * places: the per-digest meters and the HTTP connection-state meters.
 */
package io.vpcflow.digesterd.stats;
