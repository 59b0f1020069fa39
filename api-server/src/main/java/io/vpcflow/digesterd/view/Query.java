package io.vpcflow.digesterd.view;

import java.util.function.Function;

/**
 * A query over one digest: which lines ({@link RecordFilter}), how many ({@code top}, 0 for all),
 * ranked by what, written how.
 *
 * @param top the most records to write, heaviest first; 0 for every match, in digest order
 */
public record Query(RecordFilter filter, int top, Weight by, QueryFormat format) {
  /** The largest {@code top} accepted. */
  public static final int MAX_TOP = 100_000;

  /**
   * The query of the parameters {@code params} gives (null for an absent one): the filter's, and
   * {@code top}, {@code by}, {@code format}.
   *
   * @throws InvalidParameterException naming the first bad parameter
   */
  public static Query parse(Function<String, String> params) {
    RecordFilter filter = RecordFilter.parse(params);
    String top = params.apply("top");
    return new Query(
        filter,
        top == null ? 0 : Numbers.inRange("top", top, 1, MAX_TOP),
        Weight.parse("by", params.apply("by")),
        QueryFormat.parse("format", params.apply("format")));
  }
}
