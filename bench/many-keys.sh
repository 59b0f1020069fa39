#!/usr/bin/env bash
# Benchmark of bounded memory: a window of very many distinct conversations (default 288
# five-minute objects, 14.4 M records, ~10.3 M digest keys), digested side by side in one run by
# the digest command with -Xmx1g and -Xmx512m (plain java -jar), by the launcher with -Xmx1g, and
# by DuckDB capped at memory_limit='1GB' (it spills too). Checks the digests are identical after
# gunzip. Prints a table and writes it to bench-work/many-keys.md.
# Usage: bench/many-keys.sh [--help]   (env: OBJECTS, RECORDS_PER_OBJECT, SPACE, REPS)
# Needs: Java 17, Maven (for the build and the DuckDB JDBC jar), GNU time.
set -euo pipefail
. "$(dirname "$0")/help.sh"
cd "$(dirname "$0")/.."
ROOT=$(pwd)
WORK=$ROOT/bench-work
OBJECTS=${OBJECTS:-288}
RECORDS_PER_OBJECT=${RECORDS_PER_OBJECT:-50000}
SPACE=${SPACE:-20000000}
REPS=${REPS:-1}
DUCKDB_VERSION=2.0.0.1
JAR=$ROOT/api-server/target/vpcflow-digesterd.jar
CORPUS=$WORK/many-keys-${OBJECTS}o-${RECORDS_PER_OBJECT}r-${SPACE}s
FROM=2024-06-01T00:00:00Z
START_EPOCH=1717200000
STOP_EPOCH=$((START_EPOCH + OBJECTS * 300))
STOP=$(date -u -d "@$STOP_EPOCH" +%Y-%m-%dT%H:%M:%SZ)
TIME=/usr/bin/time
command -v "$TIME" >/dev/null || { echo "GNU time is needed: apt-get install time" >&2; exit 1; }
. "$ROOT/bench/lib.sh"

mkdir -p "$WORK/lib"
[ -f "$JAR" ] || mvn -B -q -DskipTests package
DUCKDB_JAR=$WORK/lib/duckdb_jdbc-$DUCKDB_VERSION.jar
[ -f "$DUCKDB_JAR" ] || mvn -B -q dependency:copy -Dartifact=org.duckdb:duckdb_jdbc:$DUCKDB_VERSION -DoutputDirectory="$WORK/lib"
if [ ! -d "$CORPUS" ]; then
  echo "generating the corpus in $CORPUS ..." >&2
  java -Xmx512m "$ROOT/bench/ManyKeysCorpus.java" "$CORPUS" "$FROM" "$OBJECTS" "$RECORDS_PER_OBJECT" "$SPACE"
fi
CORPUS_MB=$(du -sm "$CORPUS" | cut -f1)
RECORDS=$((OBJECTS * RECORDS_PER_OBJECT))
echo "corpus: $OBJECTS objects, $RECORDS records, $CORPUS_MB MiB gzip'd; window [$FROM, $STOP)" >&2

digest_with() { # NAME HEAP OUT
  rm -rf "$WORK/digests-$1"
  measure "$1" env VPC_FLOW_LOGS_BUCKET="file://$CORPUS" DIGEST_STORAGE_BUCKET="file://$WORK/digests-$1" \
    java -Xmx"$2" -jar "$JAR" digest --start "$FROM" --stop "$STOP" --out "$3"
}
read -r D1_S D1_M < <(digest_with digest-1g 1g "$WORK/many-1g.log.gz")
read -r D512_S D512_M < <(digest_with digest-512m 512m "$WORK/many-512m.log.gz")
export VPCFLOW_DIGESTERD_CDS=$(bench_cds_archive)
[ -f "$VPCFLOW_DIGESTERD_CDS" ] || VPC_FLOW_LOGS_BUCKET="file://$CORPUS" DIGEST_STORAGE_BUCKET="file://$WORK/digests-cds" \
  JAVA_OPTS=-Xmx1g "$ROOT/bin/vpcflow-digesterd" digest --start "$FROM" --stop "$FROM" > /dev/null 2>&1 || true
rm -rf "$WORK/digests-launcher"
read -r L_S L_M < <(measure launcher env VPC_FLOW_LOGS_BUCKET="file://$CORPUS" DIGEST_STORAGE_BUCKET="file://$WORK/digests-launcher" \
  JAVA_OPTS=-Xmx1g "$ROOT/bin/vpcflow-digesterd" digest --start "$FROM" --stop "$STOP")
rm -rf "$WORK/many-duckdb.csv.gz.tmp"
compile_bench "$DUCKDB_JAR" "$ROOT/bench/DuckDbDigest.java"
read -r DUCK_S DUCK_M < <(measure duckdb-1gb java -cp "$DUCKDB_JAR:$WORK/bench-classes" DuckDbDigest "$CORPUS" "$START_EPOCH" "$STOP_EPOCH" "$WORK/many-duckdb.csv.gz" 1GB)

KEYS=$(zcat "$WORK/many-1g.log.gz" | wc -l)
MD5_1G=$(zcat "$WORK/many-1g.log.gz" | md5sum | cut -d' ' -f1)
MD5_512=$(zcat "$WORK/many-512m.log.gz" | md5sum | cut -d' ' -f1)
MD5_DUCK=$(zcat "$WORK/many-duckdb.csv.gz" | md5sum | cut -d' ' -f1)
same() { [ "$1" = "$MD5_DUCK" ] && echo identical || echo DIFFERENT; }
SUMMARY=$(find "$WORK/digests-digest-1g" -name '*.json' | head -1)
MERGE=$(grep -A5 '"merge"' "$SUMMARY" | tr -d ' \n' | sed 's/"merge"://')
ratio() { awk "BEGIN{printf \"%.2f\", $1 / $DUCK_S}"; }

{
  echo "Corpus: $OBJECTS objects, $RECORDS records, $CORPUS_MB MiB gzip'd, $KEYS digest keys; $(nproc) cores; $(java -version 2>&1 | head -1)"
  echo
  echo "| run | wall s | × DuckDB | peak RSS MiB | digest vs DuckDB |"
  echo "|---|---:|---:|---:|---|"
  echo "| \`digest\`, plain java -jar, -Xmx1g | $D1_S | $(ratio "$D1_S") | $D1_M | $(same "$MD5_1G") |"
  echo "| \`digest\`, plain java -jar, -Xmx512m | $D512_S | $(ratio "$D512_S") | $D512_M | $(same "$MD5_512") |"
  echo "| \`digest\` via bin/vpcflow-digesterd, -Xmx1g | $L_S | $(ratio "$L_S") | $L_M | |"
  echo "| DuckDB $DUCKDB_VERSION, memory_limit='1GB' (JDBC, GROUP BY, whole process) | $DUCK_S | 1.00 | $DUCK_M | |"
  echo
  echo "Spill and merge of the -Xmx1g run (<id>.json): $MERGE"
} | tee "$WORK/many-keys.md"
