/**
 * Stats: the Micrometer registry chosen by {@code RUNTIME_STATS_*} (StatsD in the Datadog flavour,
 * or none) and the names of the service's meters.
 */
package io.vpcflow.digesterd.stats;
