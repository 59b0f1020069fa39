package io.vpcflow.digesterd.cli;

import io.vpcflow.digesterd.view.DigestReader;
import io.vpcflow.digesterd.view.Query;
import io.vpcflow.digesterd.view.QueryWriter;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code query}: the lines of a digest that match filters, or the top N, like {@code GET /query}.
 */
@Command(
    name = "query",
    mixinStandardHelpOptions = true,
    description = {
      "Lists the lines of a digest that match every filter given, in digest order, or the N "
          + "heaviest (--top), as a table (default) or JSON, CSV, NDJSON. The digest is a local file "
          + "(--file) or a window's stored digest (--start/--stop, read from DIGEST_STORAGE_BUCKET, "
          + "or the embedded S3 server when no bucket is configured)."
    })
final class QueryCommand implements Callable<Integer> {
  @ParentCommand DigesterdCommand parent;

  @Mixin DigestChoice digest;

  @Option(names = "--action", description = "ACCEPT or REJECT.")
  String action;

  @Option(names = "--protocol", description = "An IANA protocol number, or tcp, udp, icmp, icmpv6.")
  String protocol;

  @Option(names = "--port", description = "The service port (the port the digest kept).")
  String port;

  @Option(names = "--addr", description = "An IPv4 or IPv6 address or CIDR block, on either side.")
  String addr;

  @Option(names = "--account", description = "An account id.")
  String account;

  @Option(names = "--interface", description = "An interface id (eni-...).")
  String iface;

  @Option(names = "--top", description = "Only the N heaviest matches (1 to 100000).")
  String top;

  @Option(
      names = "--by",
      defaultValue = "bytes",
      description = "What ranks --top: bytes or packets (default: ${DEFAULT-VALUE}).")
  String by;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "table, json, csv or ndjson (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--out", description = "Write here instead of standard output.")
  Path out;

  @Override
  public Integer call() throws Exception {
    Map<String, String> params = new HashMap<>();
    params.put("action", action);
    params.put("protocol", protocol);
    params.put("port", port);
    params.put("addr", addr);
    params.put("account", account);
    params.put("interface", iface);
    params.put("top", top);
    params.put("by", by);
    boolean table = "table".equals(format);
    params.put("format", table ? null : format);
    Query query = ViewOptions.parse(() -> Query.parse(params::get));
    try (DigestInputs inputs = new DigestInputs(parent.environment(), System.err);
        OutputStream target = Output.to(out)) {
      DigestReader lines = digest.open(inputs);
      if (table) {
        PrintStream print = new PrintStream(target, false, StandardCharsets.UTF_8);
        QueryWriter.run(lines, query, new RecordTable(print));
        print.flush();
      } else {
        QueryWriter.write(lines, query, target);
      }
    }
    return 0;
  }
}
