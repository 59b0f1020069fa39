/**
 * What a digest run read and skipped: counts of objects, bytes and lines by outcome, and the
 * objects skipped with their reasons. Mergeable, so partial reports of parallel workers add up.
 * Pure Java.
 */
package io.vpcflow.digesterd.report;
