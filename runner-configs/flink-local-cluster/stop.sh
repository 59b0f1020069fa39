#!/usr/bin/env bash
# Stops the standalone Flink cluster started by start.sh (TaskManager first, then JobManager):
# SIGTERM, up to FLINK_STOP_TIMEOUT seconds to exit, then SIGKILL. Removes the pid files.
# Exits 0 when nothing is running. Run with --help for the settings.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "$0")" && pwd -P)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd -P)"

FLINK_CLUSTER_DIR="${FLINK_CLUSTER_DIR:-$REPO_ROOT/target/flink-local-cluster}"
FLINK_STOP_TIMEOUT="${FLINK_STOP_TIMEOUT:-20}"

usage() {
  cat <<EOF
Usage: $(basename "$0") [--help]

Stops the Flink TaskManager and JobManager recorded in \$FLINK_CLUSTER_DIR/pids by start.sh:
SIGTERM, then SIGKILL if a process is still there after FLINK_STOP_TIMEOUT seconds. Pid files
are removed. Exits 0 when nothing is running.

Environment (defaults in brackets):
  FLINK_CLUSTER_DIR    work dir of the cluster [<repo>/target/flink-local-cluster]
  FLINK_STOP_TIMEOUT   seconds to wait after SIGTERM before SIGKILL [20]
EOF
}

case "${1:-}" in
  -h|--help) usage; exit 0 ;;
  "") ;;
  *) echo "Unknown argument: $1 (see --help)" >&2; exit 2 ;;
esac

if ! [[ "$FLINK_STOP_TIMEOUT" =~ ^[0-9]+$ ]]; then
  echo "FLINK_STOP_TIMEOUT must be a number, got '$FLINK_STOP_TIMEOUT'" >&2
  exit 2
fi

# is_ours PID CLASS: the process is alive and runs main class CLASS (guards against a pid that
# was reused by an unrelated process since the pid file was written).
is_ours() {
  kill -0 "$1" 2>/dev/null || return 1
  local cmdline
  cmdline="$(tr '\0' ' ' 2>/dev/null <"/proc/$1/cmdline")" || return 1
  [[ "$cmdline" == *"$2"* ]]
}

# stop_one NAME CLASS
stop_one() {
  local name=$1 class=$2 file="$PID_DIR/$1.pid" pid
  [[ -f "$file" ]] || return 0
  pid="$(tr -dc '0-9' 2>/dev/null <"$file")" || pid=""
  if [[ -z "$pid" ]] || ! is_ours "$pid" "$class"; then
    echo "$name: not running (removing stale pid file)"
    rm -f "$file"
    return 0
  fi
  echo "$name: stopping pid $pid ..."
  kill -TERM "$pid" 2>/dev/null || true
  local waited=0
  while is_ours "$pid" "$class"; do
    if (( waited >= FLINK_STOP_TIMEOUT * 10 )); then
      echo "$name: still running after ${FLINK_STOP_TIMEOUT}s, sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.5
      break
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
  if is_ours "$pid" "$class"; then
    echo "$name: pid $pid did not exit" >&2
    return 1
  fi
  echo "$name: stopped"
  rm -f "$file"
}

PID_DIR="$FLINK_CLUSTER_DIR/pids"
if [[ ! -d "$PID_DIR" ]] || ! compgen -G "$PID_DIR/*.pid" >/dev/null; then
  echo "No Flink cluster recorded in $PID_DIR: nothing to stop."
  exit 0
fi

rc=0
stop_one taskmanager org.apache.flink.runtime.taskexecutor.TaskManagerRunner || rc=1
stop_one jobmanager org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint || rc=1
exit "$rc"
