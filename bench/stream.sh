#!/usr/bin/env bash
# Streaming throughput on the DirectRunner (or the runner ARGS name): bench/StreamBench.java with a
# backlog of SHORT hours and of LONG hours landed before the stream starts, REPS times each,
# interleaved, each in its own JVM. Prints each run's records/s from the stream's start, and the
# sustained rate: the extra records of the longer backlog over the extra seconds they took, so that
# the pipeline's start and its first, cold round cancel out (fastest run of each backlog; and the
# range over the pairs of runs, each longer backlog less the shorter one run just before). Writes
# the table to bench-work/stream-results.md. Usage: bench/stream.sh (env: SHORT=1, LONG=3, REPS=3,
# ARGS="extra Beam options", e.g. ARGS="--runner=FlinkRunner --flinkMaster=[local]"; JAR=another
# build's fat jar).
set -euo pipefail
. "$(dirname "$0")/help.sh"
cd "$(dirname "$0")/.."
ROOT=$(pwd)
WORK=$ROOT/bench-work
SHORT=${SHORT:-1}
LONG=${LONG:-3}
REPS=${REPS:-3}
ARGS=${ARGS:-}
JAR=${JAR:-$ROOT/api-server/target/vpcflow-digesterd.jar}
mkdir -p "$WORK"
[ -f "$JAR" ] || mvn -B -q -DskipTests install

# run HOURS: one StreamBench run; prints "records seconds" and appends its lines to the log.
run() {
  # shellcheck disable=SC2086
  java -Xmx2g -Dhours="$1" -cp "$JAR" bench/StreamBench.java $ARGS 2> "$WORK/stream-bench.err" \
    | tee -a "$WORK/stream-bench.log" \
    | sed -n 's/.* \([0-9,]*\) records digested in \([0-9.]*\) s from start.*/\1 \2/p' | tr -d ,
}

: > "$WORK/stream-bench.log"
declare -A best_records best_seconds
pairs=()
for rep in $(seq "$REPS"); do
  for hours in "$SHORT" "$LONG"; do
    read -r records seconds < <(run "$hours")
    [ -n "${records:-}" ] || { echo "StreamBench failed, see $WORK/stream-bench.err" >&2; exit 1; }
    echo "run $rep, $hours h backlog: $records records in $seconds s from start:" \
      "$(awk "BEGIN{printf \"%.0f\", $records / $seconds}") records/s" >&2
    [ "$hours" = "$SHORT" ] && short_run="$records $seconds"
    [ "$hours" = "$LONG" ] && pairs+=("$short_run $records $seconds")
    if [ -z "${best_seconds[$hours]:-}" ] || awk "BEGIN{exit !($seconds < ${best_seconds[$hours]})}"; then
      best_records[$hours]=$records
      best_seconds[$hours]=$seconds
    fi
  done
done

{
  echo "| backlog | records | seconds from start (fastest of $REPS) | records/s from start |"
  echo "|---|---:|---:|---:|"
  for hours in "$SHORT" "$LONG"; do
    awk -v h="$hours" -v r="${best_records[$hours]}" -v s="${best_seconds[$hours]}" \
      'BEGIN{printf "| %s h | %d | %.1f | %.0f |\n", h, r, s, r / s}'
  done
  awk -v r1="${best_records[$SHORT]}" -v s1="${best_seconds[$SHORT]}" \
    -v r2="${best_records[$LONG]}" -v s2="${best_seconds[$LONG]}" -v a="$SHORT" -v b="$LONG" \
    'BEGIN{printf "\nsustained (%s h backlog less %s h): %d records in %.1f s: %.0f records/s\n", b, a, r2 - r1, s2 - s1, (r2 - r1) / (s2 - s1)}'
  printf '%s\n' "${pairs[@]}" | awk '{r = ($3 - $1) / ($4 - $2); lo = (NR == 1 || r < lo) ? r : lo; hi = (NR == 1 || r > hi) ? r : hi}
    END{printf "the same from each run of the longer backlog less the run of the shorter just before it: %.0f-%.0f records/s\n", lo, hi}'
  echo
  grep '^latency' "$WORK/stream-bench.log" | sort | uniq -c | sed 's/^ *[0-9]* /- /'
} | tee "$WORK/stream-results.md"
