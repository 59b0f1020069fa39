package io.vpcflow.digesterd.view;

/** The forms a graph or a diff is written in. */
public enum GraphFormat {
  /** Graphviz DOT, as vpcflow-grapherd wrote it. */
  DOT("text/vnd.graphviz"),
  /** A JSON object with {@code edges} and {@code nodes}. */
  JSON("application/json");

  private final String mediaType;

  GraphFormat(String mediaType) {
    this.mediaType = mediaType;
  }

  /** The media type of the output. */
  public String mediaType() {
    return mediaType;
  }

  /**
   * The format named {@code value}: {@code dot} (also when null) or {@code json}.
   *
   * @throws InvalidParameterException naming {@code parameter} for anything else
   */
  public static GraphFormat parse(String parameter, String value) {
    return Choices.parse(GraphFormat.class, parameter, value);
  }

  /** A sink writing this format to {@code out} (not closed by the sink). */
  GraphSink sink(java.io.OutputStream out) throws java.io.IOException {
    return this == DOT ? new DotSink(out) : new JsonGraphSink(out);
  }
}
