package io.vpcflow.digesterd.config;

/**
 * How each run bounds its memory: the budget of a shard's table before it spills a sorted run, the
 * key ranges merged apart, and where the run's temporary objects go.
 *
 * @param foldMemoryMb the budget of each shard's table in MiB ({@code DIGEST_FOLD_MEMORY_MB}); 0
 *     derives it from the worker's heap
 * @param mergeRanges the key ranges merged, each by its own worker ({@code DIGEST_MERGE_RANGES}); 0
 *     chooses by size and parallelism
 * @param spillLocation where runs and parts are kept while the run lasts ({@code
 *     DIGEST_SPILL_LOCATION}); empty for the pipeline's default
 */
public record FoldSettings(int foldMemoryMb, int mergeRanges, String spillLocation) {
  static FoldSettings read(EnvReader in) {
    return new FoldSettings(
        in.integer("DIGEST_FOLD_MEMORY_MB", 0, 0),
        in.integer("DIGEST_MERGE_RANGES", 0, 0, 1024),
        spillLocation(in));
  }

  private static String spillLocation(EnvReader in) {
    String value = in.string("DIGEST_SPILL_LOCATION", "").trim();
    if (!value.isEmpty() && !value.startsWith("s3://") && !value.startsWith("file:")) {
      in.problem("DIGEST_SPILL_LOCATION must be an s3:// or file:// URI, got '" + value + "'");
    }
    return value;
  }
}
