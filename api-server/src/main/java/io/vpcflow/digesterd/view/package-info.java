/**
 * Views of a stored digest, without Beam, AWS or HTTP: its lines read one at a time ({@link
 * io.vpcflow.digesterd.view.DigestReader}), the graph in DOT or JSON ({@link
 * io.vpcflow.digesterd.view.GraphWriter}), the difference of two digests by a streaming merge
 * ({@link io.vpcflow.digesterd.view.DigestDiff}) and filtered or top-N listings ({@link
 * io.vpcflow.digesterd.view.QueryWriter}). Every view reads its digests once, front to back, and
 * holds at most a bounded number of records (stated by each class).
 */
package io.vpcflow.digesterd.view;
