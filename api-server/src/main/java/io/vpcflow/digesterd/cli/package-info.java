/**
 * The command line of the fat jar: {@code serve}, {@code digest}, {@code sample-data}, {@code
 * demo}.
 */
package io.vpcflow.digesterd.cli;
