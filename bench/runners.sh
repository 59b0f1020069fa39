#!/usr/bin/env bash
# Benchmark of the runners: the same window of the benchmark corpus (see bench/run.sh) digested on
# the DirectRunner, on embedded Flink ([local]) and on a real standalone Flink 1.19 cluster
# (runner-configs/flink-local-cluster) with parallelism 1 and 2, in one run. Prints wall time and
# peak memory (the submitting JVM, plus the JobManager and TaskManager for the cluster) and checks
# that all digests are identical. Writes bench-work/runners.md.
# Usage: bench/runners.sh [--help]   (env: HOURS, RECORDS_PER_OBJECT, CONVERSATIONS, HEAP,
# FLINK_TM_MEMORY; or CORPUS, FROM and STOP for another corpus, e.g. bench/many-keys.sh's).
# Needs: Java 17, Maven, curl, GNU time; the default corpus is generated if missing. Also prints
# each run's merge phase (<id>.json merge.mergeMillis: merge planned to digest joined).
set -euo pipefail
. "$(dirname "$0")/help.sh"
cd "$(dirname "$0")/.."
ROOT=$(pwd)
WORK=$ROOT/bench-work
HOURS=${HOURS:-7}
RECORDS_PER_OBJECT=${RECORDS_PER_OBJECT:-16000}
CONVERSATIONS=${CONVERSATIONS:-90000}
HEAP=${HEAP:-1g}
export FLINK_TM_MEMORY=${FLINK_TM_MEMORY:-4096m}
export FLINK_CLUSTER_DIR=$WORK/flink-cluster
export FLINK_REST_PORT=${FLINK_REST_PORT:-8081}
JAR=$ROOT/api-server/target/vpcflow-digesterd.jar
CORPUS=${CORPUS:-$WORK/corpus-${HOURS}h-${RECORDS_PER_OBJECT}r-${CONVERSATIONS}c}
FROM=${FROM:-2024-05-01T00:00:00Z}
STOP=${STOP:-$(date -u -d "@$((1714521600 + HOURS * 3600))" +%Y-%m-%dT%H:%M:%SZ)}
TIME=/usr/bin/time
command -v "$TIME" >/dev/null || { echo "GNU time is needed: apt-get install time" >&2; exit 1; }

mkdir -p "$WORK"
[ -f "$JAR" ] || mvn -B -q -DskipTests install
if [ ! -d "$CORPUS" ]; then
  echo "generating the corpus in $CORPUS ..." >&2
  java -jar "$JAR" sample-data --dir "$CORPUS" --from "$FROM" --hours "$HOURS" --accounts 2 \
    --records-per-object "$RECORDS_PER_OBJECT" --conversations "$CONVERSATIONS" >&2
fi
OBJECTS=$(find "$CORPUS" -name '*.log.gz' | wc -l)
CORPUS_MB=$(du -sm "$CORPUS" | cut -f1)

# Peak RSS in MiB of the cluster's JobManager + TaskManager while a run goes on: sampled every
# 200 ms into $WORK/cluster-rss.txt by a background loop.
cluster_pids() { cat "$FLINK_CLUSTER_DIR"/pids/*.pid 2>/dev/null || true; }
sample_cluster() {
  local peak=0 total
  while :; do
    total=0
    for pid in $(cluster_pids); do
      total=$((total + $(ps -o rss= -p "$pid" 2>/dev/null || echo 0)))
    done
    [ "$total" -gt "$peak" ] && peak=$total && echo $((peak / 1024)) > "$WORK/cluster-rss.txt"
    sleep 0.2
  done
}

# run NAME ARGS...: digests the window with the extra arguments; prints "seconds client_MiB cluster_MiB"
run() {
  local name=$1; shift
  rm -rf "$WORK/runner-digests"
  echo 0 > "$WORK/cluster-rss.txt"
  sample_cluster & local sampler=$!
  "$TIME" -f "%e %M" -o "$WORK/time.txt" env VPC_FLOW_LOGS_BUCKET="file://$CORPUS" \
    DIGEST_STORAGE_BUCKET="file://$WORK/runner-digests" RUNTIME_LOGGER_LEVEL=WARN \
    java -Xmx"$HEAP" -jar "$JAR" digest --start "$FROM" --stop "$STOP" --out "$WORK/runner-$name.log.gz" "$@" \
    > "$WORK/runner-$name.out" 2>&1 || { kill "$sampler"; echo "$name failed, see $WORK/runner-$name.out" >&2; exit 1; }
  kill "$sampler"; wait "$sampler" 2>/dev/null || true
  read -r secs kb < "$WORK/time.txt"
  local merge
  merge=$(grep -o '"mergeMillis" : [0-9]*' "$(find "$WORK/runner-digests" -name '*.json' | head -1)" | grep -o '[0-9]*$')
  echo "$secs $((kb / 1024)) $(cat "$WORK/cluster-rss.txt") $(awk "BEGIN{printf \"%.1f\", $merge / 1000}")"
}

echo "corpus: $OBJECTS objects, $CORPUS_MB MiB gzip'd; window [$FROM, $STOP)" >&2
read -r DIRECT_S DIRECT_M _ DIRECT_MERGE < <(run direct --runner-config runner-configs/direct.properties)
read -r LOCAL_S LOCAL_M _ LOCAL_MERGE < <(run flink-local --runner-config runner-configs/flink-local.properties)
runner-configs/flink-local-cluster/start.sh >&2
trap 'runner-configs/flink-local-cluster/stop.sh >&2' EXIT
read -r P1_S P1_M P1_C P1_MERGE < <(run cluster-p1 --runner-config runner-configs/flink-cluster.properties \
  --flinkMaster="127.0.0.1:$FLINK_REST_PORT" --parallelism=1)
read -r P2_S P2_M P2_C P2_MERGE < <(run cluster-p2 --runner-config runner-configs/flink-cluster.properties \
  --flinkMaster="127.0.0.1:$FLINK_REST_PORT" --parallelism=2)

REF=$(zcat "$WORK/runner-direct.log.gz" | md5sum | cut -d' ' -f1)
SAME=identical
for name in flink-local cluster-p1 cluster-p2; do
  [ "$(zcat "$WORK/runner-$name.log.gz" | md5sum | cut -d' ' -f1)" = "$REF" ] || SAME="DIFFERENT ($name)"
done
KEYS=$(zcat "$WORK/runner-direct.log.gz" | wc -l)
{
  echo "Corpus: $OBJECTS objects, $CORPUS_MB MiB gzip'd, $KEYS digest keys; $(nproc) cores; cluster TaskManager $FLINK_TM_MEMORY, 2 slots"
  echo
  echo "| runner | wall s (submit to digest stored) | merge phase s | peak RSS MiB, submitting JVM | peak RSS MiB, JobManager + TaskManager |"
  echo "|---|---:|---:|---:|---:|"
  echo "| DirectRunner (runner-configs/direct.properties) | $DIRECT_S | $DIRECT_MERGE | $DIRECT_M | - |"
  echo "| Flink [local] (runner-configs/flink-local.properties) | $LOCAL_S | $LOCAL_MERGE | $LOCAL_M | - |"
  echo "| standalone Flink cluster, parallelism 1 | $P1_S | $P1_MERGE | $P1_M | $P1_C |"
  echo "| standalone Flink cluster, parallelism 2 | $P2_S | $P2_MERGE | $P2_M | $P2_C |"
  echo
  echo "Digest text on all four (after gunzip): $SAME."
} | tee "$WORK/runners.md"
