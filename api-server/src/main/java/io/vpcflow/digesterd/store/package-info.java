/**
 * Where finished digests are served from: {@code <id>.log.gz} and its summary {@code <id>.json} in
 * {@code DIGEST_STORAGE_BUCKET} (the pipeline's output), or any other store a custom {@link
 * io.vpcflow.digesterd.store.DigestStore} keeps them in.
 */
package io.vpcflow.digesterd.store;
