package io.vpcflow.digesterd.marker;

/**
 * A marker as read, with the version to name when replacing it.
 *
 * @param marker the body
 * @param version an opaque version (the S3 ETag); a replace naming it succeeds only while the
 *     marker has not been written since
 */
public record StoredMarker(Marker marker, String version) {}
