package io.vpcflow.digesterd.cli;

import io.vpcflow.digesterd.view.DigestRecord;
import io.vpcflow.digesterd.view.Query;
import io.vpcflow.digesterd.view.QueryWriter;
import java.io.PrintStream;

/**
 * Digest lines as a table for a terminal: a header, one row per line (action, addresses, service
 * port, protocol, bytes, packets, account, interface), and a last line with the counts.
 */
final class RecordTable implements QueryWriter.Sink {
  private static final String ROW = "%-6s  %-39s  %-39s  %5s  %5s  %15s  %12s  %-12s  %s%n";

  private final PrintStream out;

  RecordTable(PrintStream out) {
    this.out = out;
    out.printf(
        ROW,
        "action",
        "source",
        "destination",
        "port",
        "proto",
        "bytes",
        "packets",
        "account",
        "interface");
  }

  @Override
  public void record(DigestRecord r) {
    out.printf(
        ROW,
        r.action(),
        r.src(),
        r.dst(),
        r.servicePort(),
        r.protocol(),
        String.format("%,d", r.bytes()),
        String.format("%,d", r.packets()),
        r.account(),
        r.iface());
  }

  @Override
  public void finish(QueryWriter.Counts counts, Query query) {
    out.printf(
        "%d of %d lines matched, %d shown%s%n",
        counts.matched(),
        counts.read(),
        counts.written(),
        query.top() > 0 ? " (top " + query.top() + " by " + query.by().label() + ")" : "");
  }
}
