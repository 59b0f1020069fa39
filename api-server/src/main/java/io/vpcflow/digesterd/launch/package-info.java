/**
 * Building digests off the request threads: a bounded in-process {@link
 * io.vpcflow.digesterd.launch.LaunchPool} feeds the {@link io.vpcflow.digesterd.launch.Launcher},
 * which claims the window's marker, has a {@link io.vpcflow.digesterd.launch.DigestBuilder} build
 * the digest (the Beam pipeline by default) while it writes progress into the marker, and records
 * the outcome.
 */
package io.vpcflow.digesterd.launch;
