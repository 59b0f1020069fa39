/**
 * Digest windows: parsing RFC 3339 bounds, normalising them to UTC minutes and validating the
 * half-open interval. Pure Java.
 */
package io.vpcflow.digesterd.window;
