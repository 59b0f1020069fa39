/**
 * Parsing of AWS VPC Flow Log text: the header that names the fields of a custom format, the
 * tokenising of record lines, and the classification of every line as a digestible record, a
 * no-data record or a malformed line with a named reason. Pure Java, no Beam or AWS imports.
 */
package io.vpcflow.digesterd.flowlog;
