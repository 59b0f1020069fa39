#!/usr/bin/env bash
# Sourced by bench/profile.sh. sample_threads PID OUT: until PID exits, reads the CPU time of each
# of its threads from /proc every 50 ms, and then writes one line per thread to OUT: CPU clock
# ticks, a tab, the thread's name (as the kernel keeps it: at most 15 characters). Uses only shell
# built-ins, so that the sampling takes next to no CPU from the run it measures; a thread's last
# 50 ms before the process exits are not seen.
sample_threads() {
  local pid=$1 out=$2 task line rest name
  local -a fields
  local -A ticks names
  while [ -d "/proc/$pid/task" ]; do
    for task in /proc/"$pid"/task/*; do
      { read -r line < "$task/stat"; } 2> /dev/null || continue
      name=${line#*(}
      name=${name%)*}
      rest=${line##*) }
      read -ra fields <<< "$rest"
      ticks[${task##*/}]=$((fields[11] + fields[12]))
      names[${task##*/}]=$name
    done
    sleep 0.05
  done
  for task in "${!ticks[@]}"; do
    printf '%s\t%s\n' "${ticks[$task]}" "${names[$task]}"
  done > "$out"
}
