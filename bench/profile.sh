#!/usr/bin/env bash
# Where a digest's CPU goes: runs `digest` once (plain java -jar, or the launcher with LAUNCHER=1)
# under JFR over a local corpus, reads each thread's CPU time from /proc meanwhile, and prints
# bench/JfrPhases.java's tables: CPU seconds by kind of thread (readers, main, JIT compilers, GC,
# ...), and the phases (inflate, parse, fold, sort, merge, compress, start-up...) as shares of the
# samples of Java and native code. Usage:
#   bench/profile.sh [--help | CORPUS_DIR START STOP]
# Default: bench/run.sh's corpus (run that first). An empty directory profiles start-up alone.
set -euo pipefail
. "$(dirname "$0")/help.sh"
. "$(dirname "$0")/threads.sh"
cd "$(dirname "$0")/.."
ROOT=$(pwd)
WORK=$ROOT/bench-work
CORPUS=${1:-$WORK/corpus-7h-16000r-90000c}
START=${2:-2024-05-01T00:00:00Z}
STOP=${3:-2024-05-01T07:00:00Z}
JAR=$ROOT/api-server/target/vpcflow-digesterd.jar
[ -d "$CORPUS" ] || { echo "no corpus $CORPUS: run bench/run.sh first, or name one" >&2; exit 1; }
[ -f "$JAR" ] || mvn -B -q -DskipTests install
REC=$WORK/profile.jfr
rm -f "$REC"
rm -rf "$WORK/profile-digests"
flags="-Xmx${HEAP:-1g} -XX:StartFlightRecording=filename=$REC,settings=$ROOT/bench/phases.jfc"
env=(env VPC_FLOW_LOGS_BUCKET="file://$CORPUS" DIGEST_STORAGE_BUCKET="file://$WORK/profile-digests")
if [ -n "${LAUNCHER:-}" ]; then
  # The launcher's first run writes its class-data archive, and JFR is off while it does.
  "${env[@]}" "$ROOT/bin/vpcflow-digesterd" digest --start "$START" --stop "$START" > /dev/null 2>&1 || true
  rm -rf "$WORK/profile-digests"
  run=("${env[@]}" JAVA_OPTS="$flags" "$ROOT/bin/vpcflow-digesterd" digest --start "$START" --stop "$STOP")
else
  # shellcheck disable=SC2086
  run=("${env[@]}" java $flags -jar "$JAR" digest --start "$START" --stop "$STOP")
fi
/usr/bin/time -f "wall %e s, user CPU %U s, system CPU %S s, peak RSS %M KiB" "${run[@]}" > "$WORK/profile.out" 2> "$WORK/profile.err" &
timed=$!
# time, env and the launcher exec: the process under time is the JVM.
jvm=
while [ -z "$jvm" ] && kill -0 "$timed" 2> /dev/null; do
  jvm=$(pgrep -P "$timed" || true)
done
[ -n "$jvm" ] && sample_threads "$jvm" "$WORK/profile-threads.tsv"
wait "$timed" || { echo "digest failed, see $WORK/profile.err" >&2; exit 1; }
tail -1 "$WORK/profile.err"
java "$ROOT/bench/JfrPhases.java" "$REC" "$WORK/profile-threads.tsv" "$(getconf CLK_TCK)"
