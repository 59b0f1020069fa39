#!/usr/bin/env bash
# Benchmark of Parquet input: the benchmark corpus of run.sh written twice with the same records,
# as gzip'd text (.log.gz) and as Parquet in AWS's schema (.log.parquet, GZIP pages). Side by side
# in one run: `digest` over the Parquet copy and over the text original (plain java -jar and the
# launcher each; the four take turns for REPS rounds, best and median reported), and DuckDB's
# read_parquet with the same GROUP BY; the bytes each digest read from storage (objects.bytes of
# <id>.json) and whether all digests are identical; and a lower bound this digest cannot beat on Beam
# on this machine (Beam's smallest pipeline plus the readers' warm CPU time over all objects, one
# thread each, bench/ParquetReadBench.java, spread over the cores), and the CPU time any reader on
# Beam could spend to tie DuckDB (DuckDB's wall time less Beam's smallest pipeline, on all cores)
# and the time a digest on Beam would take with a reader as frugal as DuckDB's (DuckDB's CPU time
# less its time over one object, spread over the cores). Prints tables and writes them
# to bench-work/parquet-results.md. Usage: bench/parquet.sh (env: HOURS,
# RECORDS_PER_OBJECT, CONVERSATIONS, HEAP, REPS). Needs: Java 17, Maven, GNU time, python3.
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
SHAPE=${HOURS}h-${RECORDS_PER_OBJECT}r-${CONVERSATIONS}c
TEXT=$WORK/corpus-$SHAPE
PARQUET=$WORK/parquet-$SHAPE
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

for format in text parquet; do
  dir=$TEXT; [ "$format" = parquet ] && dir=$PARQUET
  if [ ! -d "$dir" ]; then
    echo "generating the $format corpus in $dir ..." >&2
    java -jar "$JAR" sample-data --dir "$dir" --format "$format" --from "$FROM" --hours "$HOURS" \
      --accounts 2 --records-per-object "$RECORDS_PER_OBJECT" --conversations "$CONVERSATIONS" >&2
  fi
done
OBJECTS=$(find "$PARQUET" -name '*.log.parquet' | wc -l)
RECORDS=$((OBJECTS * RECORDS_PER_OBJECT))
TEXT_MB=$(du -sm "$TEXT" | cut -f1)
PARQUET_MB=$(du -sm "$PARQUET" | cut -f1)

. "$ROOT/bench/lib.sh"

# digest_run NAME CORPUS COMMAND...: one measured digest into $WORK/digests-NAME.
digest_run() {
  local name=$1 corpus=$2; shift 2
  rm -rf "$WORK/digests-$name"
  measure "$name" env VPC_FLOW_LOGS_BUCKET="file://$corpus" DIGEST_STORAGE_BUCKET="file://$WORK/digests-$name" "$@" \
    digest --start "$FROM" --stop "$STOP"
}
# stored_bytes NAME: objects.bytes of the digest's <id>.json (bytes read from storage).
stored_bytes() {
  python3 -c 'import glob, json, sys; print(json.load(open(glob.glob(sys.argv[1])[0]))["objects"]["bytes"])' \
    "$WORK/digests-$1/*.json"
}
digest_md5() {
  zcat "$WORK"/digests-"$1"/*.log.gz | md5sum | cut -d' ' -f1
}

echo "corpus: $OBJECTS objects, $RECORDS records; text $TEXT_MB MiB, Parquet $PARQUET_MB MiB; window [$FROM, $STOP)" >&2
export VPCFLOW_DIGESTERD_CDS=$(bench_cds_archive)
[ -f "$VPCFLOW_DIGESTERD_CDS" ] || VPC_FLOW_LOGS_BUCKET="file://$PARQUET" DIGEST_STORAGE_BUCKET="file://$WORK/digests-warm" \
  JAVA_OPTS=-Xmx$HEAP "$ROOT/bin/vpcflow-digesterd" digest --start "$FROM" --stop "$STOP" > /dev/null 2>&1
# The four digests take turns, REPS rounds: a machine whose speed drifts slows them alike.
RUNS="text parquet text-launcher parquet-launcher"
declare -A WALLS PEAK
for _ in $(seq "$REPS"); do
  for run in $RUNS; do
    corpus=$TEXT; [[ $run == parquet* ]] && corpus=$PARQUET
    if [[ $run == *-launcher ]]; then
      read -r secs mib < <(REPS=1 JAVA_OPTS=-Xmx$HEAP digest_run "$run" "$corpus" "$ROOT/bin/vpcflow-digesterd")
    else
      read -r secs mib < <(REPS=1 digest_run "$run" "$corpus" java -Xmx$HEAP -jar "$JAR")
    fi
    WALLS[$run]+="$secs "
    [ "${PEAK[$run]:-0}" -ge "$mib" ] || PEAK[$run]=$mib
  done
done
# wall_stat best|median RUN: the fastest or the median of RUN's wall times.
wall_stat() {
  tr ' ' '\n' <<< "${WALLS[$2]}" | grep . | sort -n | awk -v what="$1" '{v[NR]=$1}
    END {if (what == "best") print v[1]; else if (NR % 2) print v[(NR+1)/2]; else printf "%.2f\n", (v[NR/2]+v[NR/2+1])/2}'
}
ratio() {
  awk "BEGIN{printf \"%.2f\", $1 / $2}"
}
compile_bench "$DUCKDB_JAR" "$ROOT/bench/DuckDbDigest.java"
read -r DUCK_S DUCK_M < <(measure duckdb-parquet java -cp "$DUCKDB_JAR:$WORK/bench-classes" DuckDbDigest "parquet:$PARQUET" "$START_EPOCH" "$STOP_EPOCH" "$WORK/duckdb-parquet.csv.gz")
# DuckDB's fixed cost (JVM, JDBC, DuckDB's start, writing): the same job over the first object alone.
ONE=$WORK/parquet-one-$SHAPE
FIRST=$(cd "$PARQUET" && find . -name '*.log.parquet' | sort | sed -n 1p)
rm -rf "$ONE" && mkdir -p "$ONE/$(dirname "$FIRST")" && cp "$PARQUET/$FIRST" "$ONE/$FIRST"
measure duckdb-one java -cp "$DUCKDB_JAR:$WORK/bench-classes" DuckDbDigest "parquet:$ONE" "$START_EPOCH" "$STOP_EPOCH" "$WORK/duckdb-one.csv.gz" > /dev/null

# What this digest cannot beat on Beam here: Beam's smallest pipeline, plus its readers' warm CPU time
# over every object spread evenly over all cores (as if there were no JIT warm-up, no Beam overhead
# per object and no merge).
beam_floor
compile_bench "$JAR" "$ROOT/bench/ParquetReadBench.java"
# warm_read FORMAT DIR: CPU seconds of the first of 4 passes over all objects, and of the best other.
warm_read() {
  java -Xmx"$HEAP" -cp "$JAR:$WORK/bench-classes" ParquetReadBench "$1" "$2" "$OBJECTS" 4 2> "$WORK/read-$1.err" |
    awk '{cpu = $(NF - 3)} NR == 1 {first = cpu} NR > 1 && (best == "" || cpu < best) {best = cpu} END {print first, best}'
}
read -r TEXT_COLD TEXT_WARM < <(warm_read text "$TEXT")
read -r PQ_COLD PQ_WARM < <(warm_read parquet "$PARQUET")
[ -n "$TEXT_WARM" ] && [ -n "$PQ_WARM" ] || { echo "the readers alone failed, see $WORK/read-*.err" >&2; exit 1; }
CORES=$(nproc)
bound() { awk "BEGIN{printf \"%.2f\", $1 + $2 / $CORES}"; }
BOUND_S=$(bound "$FLOOR_S" "$PQ_WARM")
BOUND_L_S=$(bound "$FLOOR_L_S" "$PQ_WARM")
DUCK_CPU=$(cat "$WORK/duckdb-parquet.cpu")
# budget FLOOR: the CPU seconds left on all cores between Beam's smallest pipeline and DuckDB's time
# (negative: Beam's floor alone is slower than DuckDB).
budget() { awk "BEGIN{printf \"%.2f\", ($DUCK_S - $1) * $CORES}"; }
# DuckDB's reading: its CPU over all objects less its CPU over the first alone.
DUCK_READ=$(awk "BEGIN{printf \"%.2f\", $DUCK_CPU - $(cat "$WORK/duckdb-one.cpu")}")
DUCK_BOUND_S=$(bound "$FLOOR_S" "$DUCK_READ")
DUCK_BOUND_L_S=$(bound "$FLOOR_L_S" "$DUCK_READ")

TEXT_MD5=$(digest_md5 text)
SAME=identical
for other in "$(digest_md5 parquet)" "$(digest_md5 text-launcher)" "$(digest_md5 parquet-launcher)" "$(zcat "$WORK/duckdb-parquet.csv.gz" | md5sum | cut -d' ' -f1)"; do
  [ "$other" = "$TEXT_MD5" ] || SAME=DIFFERENT
done
KEYS=$(zcat "$WORK"/digests-text/*.log.gz | wc -l)
TEXT_BYTES=$(stored_bytes text)
PQ_BYTES=$(stored_bytes parquet)
JAR_BYTES=$(stat -c %s "$JAR")

{
  echo "Corpus: $OBJECTS objects, $RECORDS records, $KEYS digest keys; text $TEXT_MB MiB gzip'd, Parquet $PARQUET_MB MiB (GZIP pages); $(nproc) cores; $(java -version 2>&1 | head -1)"
  echo
  echo "| run ($REPS rounds, taking turns) | best wall s | median wall s | peak RSS MiB | read from storage MiB |"
  echo "|---|---:|---:|---:|---:|"
  echo "| \`digest\` over the text original (-Xmx$HEAP, plain java -jar) | $(wall_stat best text) | $(wall_stat median text) | ${PEAK[text]} | $((TEXT_BYTES / 1048576)) |"
  echo "| \`digest\` over the Parquet copy (-Xmx$HEAP, plain java -jar) | $(wall_stat best parquet) | $(wall_stat median parquet) | ${PEAK[parquet]} | $((PQ_BYTES / 1048576)) |"
  echo "| \`digest\` over the text original via bin/vpcflow-digesterd | $(wall_stat best text-launcher) | $(wall_stat median text-launcher) | ${PEAK[text-launcher]} | $((TEXT_BYTES / 1048576)) |"
  echo "| \`digest\` over the Parquet copy via bin/vpcflow-digesterd | $(wall_stat best parquet-launcher) | $(wall_stat median parquet-launcher) | ${PEAK[parquet-launcher]} | $((PQ_BYTES / 1048576)) |"
  echo "| DuckDB $DUCKDB_VERSION read_parquet (JDBC, GROUP BY, whole process) | $DUCK_S | | $DUCK_M | |"
  echo
  echo "Parquet against text, medians: plain $(ratio "$(wall_stat median parquet)" "$(wall_stat median text)")×, launcher $(ratio "$(wall_stat median parquet-launcher)" "$(wall_stat median text-launcher)")×; best Parquet against DuckDB: plain $(ratio "$(wall_stat best parquet)" "$DUCK_S")×, launcher $(ratio "$(wall_stat best parquet-launcher)" "$DUCK_S")×."
  echo "Digests of text and Parquet (all four runs) and DuckDB's read_parquet (after gunzip): $SAME. Fat jar: $JAR_BYTES bytes."
  echo
  echo "| what this digest cannot beat on Beam here | plain java | with a CDS archive |"
  echo "|---|---:|---:|"
  echo "| Beam's smallest pipeline on the DirectRunner (bench/BeamFloor.java), wall s | $FLOOR_S | $FLOOR_L_S |"
  echo "| + the Parquet reader's warm CPU s over all objects ($PQ_WARM) spread over $CORES cores: a lower bound, wall s | $BOUND_S | $BOUND_L_S |"
  echo "| the lower bound against DuckDB's read_parquet | $(ratio "$BOUND_S" "$DUCK_S")× | $(ratio "$BOUND_L_S" "$DUCK_S")× |"
  echo "| CPU s any reader on Beam could spend to tie DuckDB: (DuckDB's wall - Beam's smallest pipeline) × $CORES cores | $(budget "$FLOOR_S") | $(budget "$FLOOR_L_S") |"
  echo "| Beam's smallest pipeline + a reader as frugal as DuckDB's ($DUCK_READ CPU s: DuckDB's $DUCK_CPU over all objects less $(cat "$WORK/duckdb-one.cpu") over the first alone) spread over $CORES cores, wall s | $DUCK_BOUND_S | $DUCK_BOUND_L_S |"
  echo "| that against DuckDB's read_parquet | $(ratio "$DUCK_BOUND_S" "$DUCK_S")× | $(ratio "$DUCK_BOUND_L_S" "$DUCK_S")× |"
  echo
  echo "The readers alone (bench/ParquetReadBench.java, one thread, no Beam), CPU s over all objects: text $TEXT_COLD first pass, $TEXT_WARM warm (best of 3 more); Parquet $PQ_COLD first, $PQ_WARM warm (Parquet against text warm: $(ratio "$PQ_WARM" "$TEXT_WARM")×)."
} | tee "$WORK/parquet-results.md"
