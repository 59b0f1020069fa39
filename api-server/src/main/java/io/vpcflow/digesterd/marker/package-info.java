/**
 * Progress markers: one small JSON object per digest window ({@code <id>_in_progress} in {@code
 * DIGEST_PROGRESS_BUCKET}, as upstream) saying whether its digest is queued, running, done or
 * failed, who works on it and how far it got. Markers are written only with compare-and-set ({@link
 * io.vpcflow.digesterd.marker.MarkerStore}), so one caller claims a window and one caller takes
 * over a stale marker, across any number of server processes.
 */
package io.vpcflow.digesterd.marker;
