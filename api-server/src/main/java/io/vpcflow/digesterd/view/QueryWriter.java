package io.vpcflow.digesterd.view;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Writes the lines of a digest a {@link Query} keeps. Without {@code top} the matches are written
 * as read (one record held at a time); with {@code top=N} the {@code N} heaviest matches are kept
 * in a {@link TopRecords} and written heaviest first once the digest is read.
 *
 * <ul>
 *   <li>JSON: {@code {"records": [...], "read": lines read, "matched": lines kept by the filter,
 *       "written": records written, "top": N or null, "by": "bytes"|"packets"}}; each record's
 *       fields as {@link JsonRecords} names them
 *   <li>CSV: a header of those names, then one row per record
 *   <li>NDJSON: one record object per line
 * </ul>
 */
public final class QueryWriter {
  private QueryWriter() {}

  /** The counts of one query. */
  public record Counts(long read, long matched, long written) {}

  /**
   * Runs {@code query} over {@code digest}, writing to {@code out} (flushed, not closed) in the
   * query's format.
   *
   * @throws BadDigestException when a line is not a digest line
   */
  public static Counts write(DigestReader digest, Query query, OutputStream out)
      throws IOException {
    Sink sink =
        switch (query.format()) {
          case JSON -> new JsonSink(out, false);
          case NDJSON -> new JsonSink(out, true);
          case CSV -> new CsvSink(out);
        };
    return run(digest, query, sink);
  }

  /**
   * Runs {@code query} over {@code digest}, handing the records to {@code sink} (its format is
   * ignored): every match as read, or the top N heaviest first; then {@link Sink#finish}.
   *
   * @throws BadDigestException when a line is not a digest line
   */
  public static Counts run(DigestReader digest, Query query, Sink sink) throws IOException {
    long read = 0;
    long matched = 0;
    long written = 0;
    TopRecords top = query.top() > 0 ? new TopRecords(query.top(), query.by()) : null;
    for (DigestRecord r = digest.next(); r != null; r = digest.next()) {
      read++;
      if (query.filter().test(r)) {
        matched++;
        if (top != null) {
          top.offer(r);
        } else {
          sink.record(r);
          written++;
        }
      }
    }
    if (top != null) {
      for (DigestRecord r : top.heaviestFirst()) {
        sink.record(r);
        written++;
      }
    }
    Counts counts = new Counts(read, matched, written);
    sink.finish(counts, query);
    return counts;
  }

  /** Receives the records a query writes, then its counts. */
  public interface Sink {
    /** One record to write. */
    void record(DigestRecord r) throws IOException;

    /** The end: the counts of the query. */
    void finish(Counts counts, Query query) throws IOException;
  }

  private static final class JsonSink implements Sink {
    private final JsonGenerator json;
    private final OutputStream out;
    private final boolean lines;

    JsonSink(OutputStream out, boolean lines) throws IOException {
      this.out = out;
      this.lines = lines;
      this.json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      if (lines) {
        json.setRootValueSeparator(null);
      } else {
        json.writeStartObject();
        json.writeArrayFieldStart("records");
      }
    }

    @Override
    public void record(DigestRecord r) throws IOException {
      json.writeStartObject();
      JsonRecords.fields(json, r);
      json.writeEndObject();
      if (lines) {
        json.flush();
        out.write('\n');
      }
    }

    @Override
    public void finish(Counts counts, Query query) throws IOException {
      if (!lines) {
        json.writeEndArray();
        json.writeNumberField("read", counts.read());
        json.writeNumberField("matched", counts.matched());
        json.writeNumberField("written", counts.written());
        if (query.top() > 0) {
          json.writeNumberField("top", query.top());
        } else {
          json.writeNullField("top");
        }
        json.writeStringField("by", query.by().label());
        json.writeEndObject();
      }
      json.flush();
      out.flush();
    }
  }

  private static final class CsvSink implements Sink {
    private final Writer out;

    CsvSink(OutputStream out) throws IOException {
      this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
      this.out.write(String.join(",", JsonRecords.NAMES) + "\r\n");
    }

    @Override
    public void record(DigestRecord r) throws IOException {
      String[] values = JsonRecords.values(r);
      StringBuilder row = new StringBuilder(160);
      for (int i = 0; i < values.length; i++) {
        if (i > 0) {
          row.append(',');
        }
        row.append(csv(values[i]));
      }
      out.write(row.append("\r\n").toString());
    }

    private static String csv(String value) {
      return value.matches("[^,\"\\r\\n]*") ? value : '"' + value.replace("\"", "\"\"") + '"';
    }

    @Override
    public void finish(Counts counts, Query query) throws IOException {
      out.flush();
    }
  }
}
