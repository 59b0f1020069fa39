#!/usr/bin/env bash
# Benchmark: the digest command (DirectRunner) against DuckDB and the decompression floors (zcat,
# and the JDK's zlib in one JVM, which inflates about twice as fast as zcat), side by side on the
# same local .log.gz files, with the fixed costs: an empty window and Beam's smallest pipeline
# (bench/BeamFloor.java). Prints a table and writes it to
# bench-work/results.md. Usage: bench/run.sh   (env: HOURS, RECORDS_PER_OBJECT, CONVERSATIONS,
# HEAP, REPS). Needs: Java 17, Maven (for the build and the DuckDB JDBC jar), gzip, GNU time.
set -euo pipefail
. "$(dirname "$0")/help.sh"
cd "$(dirname "$0")/.."
ROOT=$(pwd)
WORK=$ROOT/bench-work
HOURS=${HOURS:-7}
RECORDS_PER_OBJECT=${RECORDS_PER_OBJECT:-16000}
CONVERSATIONS=${CONVERSATIONS:-90000}
HEAP=${HEAP:-1g}
REPS=${REPS:-1}
DUCKDB_VERSION=1.4.4.0
JAR=$ROOT/api-server/target/vpcflow-digesterd.jar
CORPUS=$WORK/corpus-${HOURS}h-${RECORDS_PER_OBJECT}r-${CONVERSATIONS}c
FROM=2024-05-01T00:00:00Z
START_EPOCH=1714521600
STOP_EPOCH=$((START_EPOCH + HOURS * 3600))
STOP=$(date -u -d "@$STOP_EPOCH" +%Y-%m-%dT%H:%M:%SZ)
TIME=/usr/bin/time
command -v "$TIME" >/dev/null || { echo "GNU time is needed: apt-get install time" >&2; exit 1; }

mkdir -p "$WORK/lib"
[ -f "$JAR" ] || mvn -B -q -DskipTests install
DUCKDB_JAR=$WORK/lib/duckdb_jdbc-$DUCKDB_VERSION.jar
[ -f "$DUCKDB_JAR" ] || mvn -B -q dependency:copy -Dartifact=org.duckdb:duckdb_jdbc:$DUCKDB_VERSION -DoutputDirectory="$WORK/lib"

if [ ! -d "$CORPUS" ]; then
  echo "generating the corpus in $CORPUS ..." >&2
  java -jar "$JAR" sample-data --dir "$CORPUS" --from "$FROM" --hours "$HOURS" --accounts 2 \
    --records-per-object "$RECORDS_PER_OBJECT" --conversations "$CONVERSATIONS" >&2
fi
OBJECTS=$(find "$CORPUS" -name '*.log.gz' | wc -l)
CORPUS_MB=$(du -sm "$CORPUS" | cut -f1)
RECORDS=$((OBJECTS * RECORDS_PER_OBJECT))

. "$ROOT/bench/lib.sh"

echo "corpus: $OBJECTS objects, $RECORDS records, $CORPUS_MB MiB gzip'd; window [$FROM, $STOP)" >&2
read -r ZCAT1_S ZCAT1_M < <(measure zcat1 sh -c "find '$CORPUS' -name '*.log.gz' -print0 | xargs -0 cat | zcat > /dev/null")
read -r ZCAT2_S ZCAT2_M < <(measure zcat2 sh -c "find '$CORPUS' -name '*.log.gz' -print0 | xargs -0 -n 32 -P 2 sh -c 'cat \"\$@\" | zcat > /dev/null' _")
compile_bench "" "$ROOT/bench/InflateFloor.java"
read -r INFLATE_S INFLATE_M < <(measure inflate java -cp "$WORK/bench-classes" InflateFloor "$CORPUS" 2)
rm -rf "$WORK/digests"
read -r DIGEST_S DIGEST_M < <(measure digest env VPC_FLOW_LOGS_BUCKET="file://$CORPUS" DIGEST_STORAGE_BUCKET="file://$WORK/digests" \
  java -Xmx$HEAP -jar "$JAR" digest --start "$FROM" --stop "$STOP" --out "$WORK/digest.log.gz")
# The launcher (bin/vpcflow-digesterd): class-data-sharing archive + parallel GC. Its first run
# writes the archive and is not timed.
export VPCFLOW_DIGESTERD_CDS=$(bench_cds_archive)
rm -rf "$WORK/digests"
[ -f "$VPCFLOW_DIGESTERD_CDS" ] || VPC_FLOW_LOGS_BUCKET="file://$CORPUS" DIGEST_STORAGE_BUCKET="file://$WORK/digests" \
  JAVA_OPTS=-Xmx$HEAP "$ROOT/bin/vpcflow-digesterd" digest --start "$FROM" --stop "$STOP" > /dev/null 2>&1
rm -rf "$WORK/digests"
read -r LAUNCH_S LAUNCH_M < <(measure launcher env VPC_FLOW_LOGS_BUCKET="file://$CORPUS" DIGEST_STORAGE_BUCKET="file://$WORK/digests" \
  JAVA_OPTS=-Xmx$HEAP "$ROOT/bin/vpcflow-digesterd" digest --start "$FROM" --stop "$STOP")
# Start-up and fixed costs: a window with no objects.
mkdir -p "$WORK/empty-logs"
rm -rf "$WORK/digests"
read -r EMPTY_S EMPTY_M < <(measure empty env VPC_FLOW_LOGS_BUCKET="file://$WORK/empty-logs" DIGEST_STORAGE_BUCKET="file://$WORK/digests" \
  java -Xmx$HEAP -jar "$JAR" digest --start "$FROM" --stop "$STOP")
rm -rf "$WORK/digests"
read -r EMPTY_L_S EMPTY_L_M < <(measure empty-launcher env VPC_FLOW_LOGS_BUCKET="file://$WORK/empty-logs" DIGEST_STORAGE_BUCKET="file://$WORK/digests" \
  JAVA_OPTS=-Xmx$HEAP "$ROOT/bin/vpcflow-digesterd" digest --start "$FROM" --stop "$STOP")
beam_floor
compile_bench "$DUCKDB_JAR" "$ROOT/bench/DuckDbDigest.java"
read -r DUCK_S DUCK_M < <(measure duckdb java -cp "$DUCKDB_JAR:$WORK/bench-classes" DuckDbDigest "$CORPUS" "$START_EPOCH" "$STOP_EPOCH" "$WORK/duckdb.csv.gz")

KEYS=$(zcat "$WORK/digest.log.gz" | wc -l)
DIGEST_MD5=$(zcat "$WORK/digest.log.gz" | md5sum | cut -d' ' -f1)
DUCK_MD5=$(zcat "$WORK/duckdb.csv.gz" | md5sum | cut -d' ' -f1)
SAME=$([ "$DIGEST_MD5" = "$DUCK_MD5" ] && echo "identical" || echo "DIFFERENT")
DIGEST_MB=$(du -m "$WORK/digest.log.gz" | cut -f1)
ratio() { awk "BEGIN{printf \"%.2f\", $1 / $DUCK_S}"; }

{
  echo "Corpus: $OBJECTS objects, $RECORDS records, $CORPUS_MB MiB gzip'd, $KEYS digest keys; $(nproc) cores; $(java -version 2>&1 | head -1)"
  echo
  echo "| run | wall s | × DuckDB | peak RSS MiB |"
  echo "|---|---:|---:|---:|"
  echo "| zcat of all objects, 1 process (decompression floor) | $ZCAT1_S | $(ratio "$ZCAT1_S") | $ZCAT1_M |"
  echo "| zcat of all objects, 2 processes | $ZCAT2_S | $(ratio "$ZCAT2_S") | $ZCAT2_M |"
  echo "| the JDK's GZIPInputStream (zlib) of all objects, 2 threads, whole JVM (bench/InflateFloor.java) | $INFLATE_S | $(ratio "$INFLATE_S") | $INFLATE_M |"
  echo "| \`digest\` (DirectRunner, -Xmx$HEAP, whole process, plain java -jar) | $DIGEST_S | $(ratio "$DIGEST_S") | $DIGEST_M |"
  echo "| \`digest\` via bin/vpcflow-digesterd (same, with CDS archive, parallel GC, JIT thresholds) | $LAUNCH_S | $(ratio "$LAUNCH_S") | $LAUNCH_M |"
  echo "| DuckDB $DUCKDB_VERSION (JDBC, GROUP BY, whole process) | $DUCK_S | 1.00 | $DUCK_M |"
  echo "| \`digest\` of an empty window, plain java -jar | $EMPTY_S | | $EMPTY_M |"
  echo "| \`digest\` of an empty window, bin/vpcflow-digesterd | $EMPTY_L_S | | $EMPTY_L_M |"
  echo "| Beam's smallest pipeline (Create, ParDo) on the DirectRunner, plain java -cp | $FLOOR_S | | $FLOOR_M |"
  echo "| the same with a CDS archive of its run | $FLOOR_L_S | | $FLOOR_L_M |"
  echo
  echo "Digest text of \`digest\` and DuckDB (after gunzip): $SAME. Digest: $DIGEST_MB MiB."
} | tee "$WORK/results.md"
