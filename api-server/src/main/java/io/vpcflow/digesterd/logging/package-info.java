/**
 * Structured logging: applies the validated {@code RUNTIME_LOGGER_*} settings to logback at the
 * start of a command, with one JSON object per line (logback's {@code JsonEncoder}, SLF4J key-value
 * pairs included).
 */
package io.vpcflow.digesterd.logging;
