package io.vpcflow.digesterd.cli;

import io.vpcflow.digesterd.report.DigestSummary;
import io.vpcflow.digesterd.report.SkippedObject;
import java.io.PrintStream;
import java.util.Locale;

/** Prints the end-of-run summary of a digest. */
final class SummaryPrinter {
  private SummaryPrinter() {}

  static void print(DigestSummary s, PrintStream out) {
    out.printf(
        Locale.ROOT,
        "digest %s [%s, %s) on %s in %.1f s%n",
        s.id(),
        s.start(),
        s.stop(),
        s.runner(),
        s.durationMillis() / 1000.0);
    out.printf(
        Locale.ROOT,
        "  objects: %d read (%s, %s of text), %d skipped%n",
        s.objects().read(),
        Sizes.human(s.objects().bytes()),
        Sizes.human(s.objects().textBytes()),
        s.objects().skipped());
    s.objects().skippedByReason().forEach((reason, n) -> out.printf("    %s: %d%n", reason, n));
    out.printf(
        Locale.ROOT,
        "  records: %d lines, %d digested, %d in other windows, %d no-data, %d malformed%n",
        s.records().lines(),
        s.records().digested(),
        s.records().outsideWindow(),
        s.records().noData(),
        s.records().malformed());
    s.records().byOutcome().forEach((outcome, n) -> out.printf("    %s: %d%n", outcome, n));
    out.printf(
        Locale.ROOT,
        "  digest: %d keys, %s -> %s%n",
        s.keys(),
        Sizes.human(s.digestBytes()),
        s.digest());
    int shown = 0;
    for (SkippedObject skipped : s.skippedObjects()) {
      if (shown++ == 10) {
        out.printf("    ... %d more in %s.json%n", s.skippedObjects().size() - 10, s.id());
        break;
      }
      out.printf("  skipped %s: %s (%s)%n", skipped.key(), skipped.reason(), skipped.detail());
    }
  }
}
