/**
 * The digest itself: the upstream-compatible key of a connection, its totals, the table that folds
 * records into keys, the rendering of sorted digest lines and the digest's UUIDv5 id. Pure Java, no
 * Beam or AWS imports.
 */
package io.vpcflow.digesterd.digest;
