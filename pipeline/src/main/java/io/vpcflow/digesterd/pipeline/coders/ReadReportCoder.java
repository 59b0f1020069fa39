package io.vpcflow.digesterd.pipeline.coders;

import io.vpcflow.digesterd.flowlog.LineCounts;
import io.vpcflow.digesterd.flowlog.LineOutcome;
import io.vpcflow.digesterd.report.ReadReport;
import io.vpcflow.digesterd.report.SkippedObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;

/** Encodes a {@link ReadReport}: totals, one count per line outcome, the skipped objects. */
public final class ReadReportCoder extends AtomicCoder<ReadReport> {
  private static final ReadReportCoder INSTANCE = new ReadReportCoder();
  private static final StringUtf8Coder STRING = StringUtf8Coder.of();
  private static final VarLongCoder LONG = VarLongCoder.of();
  private static final VarIntCoder INT = VarIntCoder.of();

  public static ReadReportCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(ReadReport value, OutputStream out) throws IOException {
    LONG.encode(value.objectsRead(), out);
    LONG.encode(value.compressedBytes(), out);
    LONG.encode(value.textBytes(), out);
    for (LineOutcome outcome : LineOutcome.values()) {
      LONG.encode(value.lines().get(outcome), out);
    }
    INT.encode(value.skippedObjects().size(), out);
    for (SkippedObject skipped : value.skippedObjects()) {
      STRING.encode(skipped.key(), out);
      STRING.encode(skipped.reason(), out);
      STRING.encode(skipped.detail(), out);
    }
  }

  @Override
  public ReadReport decode(InputStream in) throws IOException {
    ReadReport report = new ReadReport();
    long objects = LONG.decode(in);
    long compressed = LONG.decode(in);
    long text = LONG.decode(in);
    LineCounts lines = new LineCounts();
    for (LineOutcome outcome : LineOutcome.values()) {
      lines.add(outcome, LONG.decode(in));
    }
    report.addTotals(objects, compressed, text, lines);
    int skipped = INT.decode(in);
    for (int i = 0; i < skipped; i++) {
      report.addSkipped(new SkippedObject(STRING.decode(in), STRING.decode(in), STRING.decode(in)));
    }
    return report;
  }

  @Override
  public void verifyDeterministic() {}
}
