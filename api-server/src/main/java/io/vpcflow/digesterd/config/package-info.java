/**
 * The one place configuration is read: environment variables (the upstream table and ours),
 * validated together so that every problem is reported at once at start-up, and turned into the
 * pipeline's options.
 */
package io.vpcflow.digesterd.config;
