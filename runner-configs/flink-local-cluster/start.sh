#!/usr/bin/env bash
# Starts a real standalone Flink 1.19.0 session cluster on this machine: one JobManager
# (StandaloneSessionClusterEntrypoint) and one TaskManager (TaskManagerRunner), two background
# JVMs, all bound to 127.0.0.1. The jars come from Maven Central (pom.xml beside this script);
# no Flink distribution is needed. Run with --help for the settings.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "$0")" && pwd -P)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd -P)"

FLINK_CLUSTER_DIR="${FLINK_CLUSTER_DIR:-$REPO_ROOT/target/flink-local-cluster}"
FLINK_REST_PORT="${FLINK_REST_PORT:-8081}"
FLINK_RPC_PORT="${FLINK_RPC_PORT:-6123}"
FLINK_SLOTS="${FLINK_SLOTS:-2}"
FLINK_JM_MEMORY="${FLINK_JM_MEMORY:-1024m}"
FLINK_TM_MEMORY="${FLINK_TM_MEMORY:-2048m}"
FLINK_PARALLELISM="${FLINK_PARALLELISM:-2}"
FLINK_START_TIMEOUT="${FLINK_START_TIMEOUT:-120}"

JM_CLASS=org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint
TM_CLASS=org.apache.flink.runtime.taskexecutor.TaskManagerRunner
BASH_JAVA_UTILS_CLASS=org.apache.flink.runtime.util.bash.BashJavaUtils
RESULT_PREFIX=BASH_JAVA_UTILS_EXEC_RESULT:

# The JVM flags Flink 1.19 itself uses on Java 17 (env.java.opts.all in the config.yaml of
# the Flink distribution): Flink, Kryo and the RPC system reflect into these JDK packages.
MODULE_FLAGS=(
  --add-exports=java.base/sun.net.util=ALL-UNNAMED
  --add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED
  --add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED
  --add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED
  --add-exports=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED
  --add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED
  --add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED
  --add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED
  --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
  --add-opens=java.base/java.text=ALL-UNNAMED
  --add-opens=java.base/java.time=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED
)

usage() {
  cat <<EOF
Usage: $(basename "$0") [--help]

Starts a standalone Flink 1.19.0 session cluster (1 JobManager + 1 TaskManager, two background
JVMs bound to 127.0.0.1) and waits until its task slots are available. If the cluster recorded
in the work directory is already running, it says so and exits 0. Stop it with stop.sh.

Environment (defaults in brackets):
  FLINK_CLUSTER_DIR    work dir: conf/, log/, pids/, tmp/, classpath.txt
                       [<repo>/target/flink-local-cluster]
  FLINK_REST_PORT      REST API / web UI port, also what --flinkMaster points to [8081]
  FLINK_RPC_PORT       JobManager RPC port [6123]
  FLINK_SLOTS          task slots of the TaskManager [2]
  FLINK_JM_MEMORY      jobmanager.memory.process.size [1024m]
  FLINK_TM_MEMORY      taskmanager.memory.process.size [2048m]
  FLINK_PARALLELISM    parallelism.default [2]
  FLINK_START_TIMEOUT  seconds to wait for the slots before giving up [120]
  JAVA_HOME            Java to use (\$JAVA_HOME/bin/java), else 'java' on PATH

The jars are resolved once from Maven Central with
  mvn -B -q -f $SCRIPT_DIR/pom.xml dependency:build-classpath
and cached in \$FLINK_CLUSTER_DIR/classpath.txt (resolved again when pom.xml is newer).

Submit Beam pipelines with: --runner=FlinkRunner --flinkMaster=127.0.0.1:<FLINK_REST_PORT>
EOF
}

case "${1:-}" in
  -h|--help) usage; exit 0 ;;
  "") ;;
  *) echo "Unknown argument: $1 (see --help)" >&2; exit 2 ;;
esac

for v in FLINK_REST_PORT FLINK_RPC_PORT FLINK_SLOTS FLINK_PARALLELISM FLINK_START_TIMEOUT; do
  if ! [[ "${!v}" =~ ^[0-9]+$ ]]; then
    echo "$v must be a number, got '${!v}'" >&2
    exit 2
  fi
done

if [[ -n "${JAVA_HOME:-}" ]]; then
  JAVA="$JAVA_HOME/bin/java"
else
  JAVA="$(command -v java || true)"
fi
if [[ -z "$JAVA" || ! -x "$JAVA" ]]; then
  echo "No Java found (set JAVA_HOME or put java on PATH)" >&2
  exit 1
fi

mkdir -p "$FLINK_CLUSTER_DIR"
FLINK_CLUSTER_DIR="$(cd "$FLINK_CLUSTER_DIR" && pwd -P)"  # absolute: the JVMs run in it
CONF_DIR="$FLINK_CLUSTER_DIR/conf"
LOG_DIR="$FLINK_CLUSTER_DIR/log"
PID_DIR="$FLINK_CLUSTER_DIR/pids"
TMP_DIR="$FLINK_CLUSTER_DIR/tmp"
CP_FILE="$FLINK_CLUSTER_DIR/classpath.txt"
JM_PID_FILE="$PID_DIR/jobmanager.pid"
TM_PID_FILE="$PID_DIR/taskmanager.pid"
REST_URL="http://127.0.0.1:$FLINK_REST_PORT"

# plugins/ stays empty: it only silences Flink's "plugins directory does not exist" warning.
mkdir -p "$CONF_DIR" "$LOG_DIR" "$PID_DIR" "$TMP_DIR" "$FLINK_CLUSTER_DIR/plugins"

# One start.sh at a time per work dir. fd 9 is closed for the cluster JVMs (9>&-), or they
# would hold the lock for as long as they run.
exec 9>"$FLINK_CLUSTER_DIR/.start.lock"
if command -v flock >/dev/null 2>&1 && ! flock -n 9; then
  echo "Another start.sh is running for $FLINK_CLUSTER_DIR" >&2
  exit 1
fi

# Prints the pid in $1 if that process is alive and runs main class $2; else nothing.
live_pid() {
  local file=$1 class=$2 pid
  [[ -f "$file" ]] || return 0
  pid="$(tr -dc '0-9' 2>/dev/null <"$file")" || pid=""
  [[ -n "$pid" ]] || return 0
  kill -0 "$pid" 2>/dev/null || return 0
  local cmdline
  cmdline="$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline")" || return 0
  if [[ "$cmdline" == *"$class"* ]]; then
    echo "$pid"
  fi
}

overview() {
  curl -fsS --max-time 3 "$REST_URL/overview" 2>/dev/null || true
}

# json_int JSON KEY: the integer value of "KEY" in a flat JSON object (0 if absent).
json_int() {
  local v
  v="$(grep -o "\"$2\":[0-9]*" <<<"$1" | head -n1 | cut -d: -f2)"
  echo "${v:-0}"
}

cluster_ready() {
  local ov
  ov="$(overview)"
  [[ -n "$ov" ]] || return 1
  local free total tms
  free="$(json_int "$ov" slots-available)"
  total="$(json_int "$ov" slots-total)"
  tms="$(json_int "$ov" taskmanagers)"
  if (( free >= FLINK_SLOTS )) || (( tms >= 1 && total >= FLINK_SLOTS )); then
    return 0
  fi
  return 1
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

print_summary() {
  local ov
  ov="$(overview)"
  cat <<EOF
REST API:     $REST_URL   (overview: $ov)
Web UI:       $REST_URL/
Logs:         $LOG_DIR  (jobmanager.log, taskmanager.log, *.out)
JobManager:   pid $(cat "$JM_PID_FILE" 2>/dev/null || echo '?')
TaskManager:  pid $(cat "$TM_PID_FILE" 2>/dev/null || echo '?')
Beam options: --runner=FlinkRunner --flinkMaster=127.0.0.1:$FLINK_REST_PORT
              (parallelism.default is $FLINK_PARALLELISM; override with --parallelism=N)
Stop with:    $SCRIPT_DIR/stop.sh
EOF
}

show_logs() {
  local f
  for f in "$LOG_DIR"/jobmanager.log "$LOG_DIR"/jobmanager.out "$LOG_DIR"/taskmanager.log "$LOG_DIR"/taskmanager.out; do
    if [[ -s "$f" ]]; then
      echo "----- tail of $f -----" >&2
      tail -n 40 "$f" >&2
    fi
  done
}

# ---- Already running? -----------------------------------------------------------------------
jm_pid="$(live_pid "$JM_PID_FILE" "$JM_CLASS")"
tm_pid="$(live_pid "$TM_PID_FILE" "$TM_CLASS")"
if [[ -n "$jm_pid" && -n "$tm_pid" ]]; then
  # Both up (perhaps still starting): wait for the REST API rather than starting twice.
  deadline=$((SECONDS + FLINK_START_TIMEOUT))
  until cluster_ready; do
    if (( SECONDS >= deadline )); then
      echo "Flink processes are running (JM $jm_pid, TM $tm_pid) but $REST_URL/overview does not" \
        "report $FLINK_SLOTS slots after ${FLINK_START_TIMEOUT}s. Check the logs or run stop.sh." >&2
      show_logs
      exit 1
    fi
    sleep 1
  done
  echo "Flink cluster already running in $FLINK_CLUSTER_DIR."
  print_summary
  exit 0
fi
if [[ -n "$jm_pid" || -n "$tm_pid" ]]; then
  echo "Only part of the cluster is running (JobManager: ${jm_pid:-none}, TaskManager: ${tm_pid:-none});" \
    "stopping it before a fresh start."
  "$SCRIPT_DIR/stop.sh"
fi
rm -f "$JM_PID_FILE" "$TM_PID_FILE"  # stale pid files, if any

for port in "$FLINK_REST_PORT" "$FLINK_RPC_PORT"; do
  if port_in_use "$port"; then
    echo "Port $port on 127.0.0.1 is already in use by another process (not a cluster recorded in" \
      "$PID_DIR). Stop it, or choose other ports with FLINK_REST_PORT / FLINK_RPC_PORT." >&2
    exit 1
  fi
done

start_time=$SECONDS

# ---- Classpath (resolved once, cached) -----------------------------------------------------
classpath_ok() {
  [[ -s "$CP_FILE" && ! "$SCRIPT_DIR/pom.xml" -nt "$CP_FILE" ]] || return 1
  local jar
  local -a jars
  IFS=: read -r -a jars <"$CP_FILE"
  for jar in "${jars[@]}"; do
    [[ -f "$jar" ]] || return 1
  done
}
if ! classpath_ok; then
  echo "Resolving the Flink 1.19.0 classpath with Maven (once) ..."
  tmp_cp="$CP_FILE.tmp.$$"
  if ! mvn -B -q -f "$SCRIPT_DIR/pom.xml" dependency:build-classpath \
      -Dmdep.includeScope=runtime -Dmdep.outputFile="$tmp_cp" >"$LOG_DIR/mvn-classpath.log" 2>&1 9>&-; then
    rm -f "$tmp_cp"
    cat "$LOG_DIR/mvn-classpath.log" >&2
    echo "Could not resolve the classpath from $SCRIPT_DIR/pom.xml" >&2
    exit 1
  fi
  mv -f "$tmp_cp" "$CP_FILE"
fi
CLASSPATH_VALUE="$(cat "$CP_FILE")"

# ---- Configuration ----------------------------------------------------------------------------
cat >"$CONF_DIR/flink-conf.yaml" <<EOF
# Generated by $SCRIPT_DIR/start.sh; rewritten on every fresh start.
jobmanager.rpc.address: 127.0.0.1
jobmanager.rpc.port: $FLINK_RPC_PORT
jobmanager.bind-host: 127.0.0.1
jobmanager.memory.process.size: $FLINK_JM_MEMORY
taskmanager.bind-host: 127.0.0.1
taskmanager.host: 127.0.0.1
taskmanager.memory.process.size: $FLINK_TM_MEMORY
taskmanager.numberOfTaskSlots: $FLINK_SLOTS
parallelism.default: $FLINK_PARALLELISM
rest.address: 127.0.0.1
rest.bind-address: 127.0.0.1
rest.port: $FLINK_REST_PORT
io.tmp.dirs: $TMP_DIR
web.tmpdir: $TMP_DIR/web
EOF

cat >"$CONF_DIR/log4j.properties" <<'EOF'
# Generated by start.sh. Each JVM logs into the file given by -Dlog.file (see log/).
monitorInterval = 30
rootLogger.level = INFO
rootLogger.appenderRef.file.ref = FileAppender

# Quiet noisy third-party loggers.
logger.akka.name = akka
logger.akka.level = INFO
logger.pekko.name = org.apache.pekko
logger.pekko.level = INFO
logger.zookeeper.name = org.apache.zookeeper
logger.zookeeper.level = WARN
logger.netty.name = org.jboss.netty.channel.DefaultChannelPipeline
logger.netty.level = OFF

appender.file.name = FileAppender
appender.file.type = RollingFile
appender.file.append = true
appender.file.fileName = ${sys:log.file}
appender.file.filePattern = ${sys:log.file}.%i
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = %d{yyyy-MM-dd HH:mm:ss,SSS} %-5p %-60c %x - %m%n
appender.file.policies.type = Policies
appender.file.policies.size.type = SizeBasedTriggeringPolicy
appender.file.policies.size.size = 100MB
appender.file.policies.startup.type = OnStartupTriggeringPolicy
appender.file.strategy.type = DefaultRolloverStrategy
appender.file.strategy.max = 5
EOF

# For BashJavaUtils: warnings and errors to the console only.
cat >"$CONF_DIR/log4j-console.properties" <<'EOF'
# Generated by start.sh (used only by BashJavaUtils while computing the memory settings).
rootLogger.level = WARN
rootLogger.appenderRef.console.ref = ConsoleAppender
appender.console.name = ConsoleAppender
appender.console.type = Console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %-5p %c - %m%n
EOF

# ---- JVM flags ----------------------------------------------------------------------------------
java_major="$("$JAVA" -version 2>&1 | sed -n 's/.*version "\([0-9]*\)\.\{0,1\}\([0-9]*\).*/\1 \2/p' | head -n1)"
read -r java_v1 java_v2 <<<"$java_major"
if [[ "${java_v1:-0}" == 1 ]]; then java_v1="${java_v2:-8}"; fi
COMMON_JVM_FLAGS=(-XX:+IgnoreUnrecognizedVMOptions -XX:+UseG1GC "-Djava.io.tmpdir=$TMP_DIR")
if (( ${java_v1:-17} >= 9 )); then
  COMMON_JVM_FLAGS+=("${MODULE_FLAGS[@]}")
fi

# bash_java_utils COMMAND: runs Flink's BashJavaUtils, which derives the memory settings of a
# process from flink-conf.yaml exactly as Flink's own scripts do. Sets JVM_PARAMS (line 1 of the
# results: -Xmx/-Xms/... flags) and DYNAMIC_PARAMS (line 2: "-D key=value" pairs).
bash_java_utils() {
  local out results
  if ! out="$("$JAVA" "${COMMON_JVM_FLAGS[@]}" \
      "-Dlog4j.configurationFile=file:$CONF_DIR/log4j-console.properties" \
      -classpath "$CLASSPATH_VALUE" "$BASH_JAVA_UTILS_CLASS" "$1" --configDir "$CONF_DIR" 2>&1 9>&-)"; then
    echo "BashJavaUtils $1 failed:" >&2
    echo "$out" >&2
    return 1
  fi
  results="$(grep "^$RESULT_PREFIX" <<<"$out" | sed "s/^$RESULT_PREFIX//" || true)"
  if [[ "$(wc -l <<<"$results")" -lt 2 ]]; then
    echo "BashJavaUtils $1 printed no results:" >&2
    echo "$out" >&2
    return 1
  fi
  read -r -a JVM_PARAMS <<<"$(sed -n 1p <<<"$results")"
  read -r -a DYNAMIC_PARAMS <<<"$(sed -n 2p <<<"$results")"
}

# launch NAME CLASS PIDFILE: starts one cluster JVM in its own session, detached from this
# shell, in the work dir, with stdout/stderr in log/NAME.out. The pid written is that of the
# JVM itself (the inner sh writes its own pid and then execs java).
launch() {
  local name=$1 class=$2 pid_file=$3
  local -a cmd=("$JAVA" "${JVM_PARAMS[@]}" "${COMMON_JVM_FLAGS[@]}"
    "-Dlog.file=$LOG_DIR/$name.log"
    "-Dlog4j.configurationFile=file:$CONF_DIR/log4j.properties"
    "-Dlog4j.configuration=file:$CONF_DIR/log4j.properties"
    -classpath "$CLASSPATH_VALUE" "$class" --configDir "$CONF_DIR" "${DYNAMIC_PARAMS[@]}")
  {
    echo "===== $(date '+%Y-%m-%d %H:%M:%S') starting $name"
    local line
    line="$(printf '%q ' "${cmd[@]}")"
    echo "${line//"$CLASSPATH_VALUE"/<classpath.txt>}"
  } >>"$LOG_DIR/$name.out"
  local setsid_cmd=()
  if command -v setsid >/dev/null 2>&1; then setsid_cmd=(setsid); fi
  # Every step execs, so no shell stays behind (and none keeps the lock on fd 9 open).
  (
    exec </dev/null >>"$LOG_DIR/$name.out" 2>&1 9>&-
    cd "$FLINK_CLUSTER_DIR"
    export FLINK_PLUGINS_DIR="$FLINK_CLUSTER_DIR/plugins"
    # shellcheck disable=SC2016 # $$ and $1 are meant for the inner sh
    exec nohup "${setsid_cmd[@]}" sh -c 'echo $$ > "$1"; shift; exec "$@"' sh "$pid_file" "${cmd[@]}"
  ) &
  local _
  for _ in $(seq 1 50); do
    [[ -s "$pid_file" ]] && return 0
    sleep 0.1
  done
  echo "$name did not start (no pid file)" >&2
  return 1
}

fail() {
  echo "$1" >&2
  show_logs
  echo "Stopping what was started ..." >&2
  "$SCRIPT_DIR/stop.sh" >&2 || true
  exit 1
}

echo "Starting Flink 1.19.0 session cluster in $FLINK_CLUSTER_DIR (java: $JAVA) ..."
launch_time=$SECONDS
bash_java_utils GET_JM_RESOURCE_PARAMS || fail "Cannot compute the JobManager memory settings."
launch jobmanager "$JM_CLASS" "$JM_PID_FILE" || fail "Cannot start the JobManager."
bash_java_utils GET_TM_RESOURCE_PARAMS || fail "Cannot compute the TaskManager memory settings."
launch taskmanager "$TM_CLASS" "$TM_PID_FILE" || fail "Cannot start the TaskManager."

# The timeout counts from the launch of the JVMs (not from the Maven resolution above).
deadline=$((SECONDS + FLINK_START_TIMEOUT))
until cluster_ready; do
  [[ -n "$(live_pid "$JM_PID_FILE" "$JM_CLASS")" ]] || fail "The JobManager exited during start-up."
  [[ -n "$(live_pid "$TM_PID_FILE" "$TM_CLASS")" ]] || fail "The TaskManager exited during start-up."
  if (( SECONDS >= deadline )); then
    fail "Timed out after ${FLINK_START_TIMEOUT}s waiting for $FLINK_SLOTS free slots at $REST_URL/overview."
  fi
  sleep 1
done

echo "Flink cluster ready after $((SECONDS - launch_time)) s" \
  "($((SECONDS - start_time)) s including the classpath resolution)."
print_summary
