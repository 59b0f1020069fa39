# Shared by the benchmark scripts. measure NAME COMMAND...: runs REPS times, keeps the fastest;
# prints "seconds peak_rss_MiB" and writes that run's CPU seconds (user + system) to
# $WORK/NAME.cpu. Needs WORK, REPS and TIME (GNU time) set.
measure() {
  local best="" rss="" cpu="" name=$1; shift
  for _ in $(seq "$REPS"); do
    "$TIME" -f "%e %M %U %S" -o "$WORK/time.txt" "$@" > "$WORK/$name.out" 2> "$WORK/$name.err" || {
      echo "$name failed, see $WORK/$name.err" >&2; exit 1; }
    read -r secs kb user sys < "$WORK/time.txt"
    if [ -z "$best" ] || awk "BEGIN{exit !($secs < $best)}"; then
      best=$secs; rss=$((kb / 1024)); cpu=$(awk "BEGIN{printf \"%.2f\", $user + $sys}")
    fi
  done
  echo "$cpu" > "$WORK/$name.cpu"
  echo "$best $rss"
}

# bench_cds_archive: the class-data-sharing archive the benchmarks give the launcher for $JAR, one
# per build (the JVM refuses an archive once the jar's size or modification time changed).
bench_cds_archive() {
  echo "$WORK/cds/$(stat -L -c '%s-%Y' "$JAR").jsa"
}

# compile_bench CLASSPATH SOURCE...: compiles benchmark programs into $WORK/bench-classes, outside
# any measurement (a source-file launch, java File.java, compiles on every run: ~0.5 s of the
# measured time).
compile_bench() {
  local cp=$1; shift
  mkdir -p "$WORK/bench-classes"
  javac -nowarn -cp "$cp" -d "$WORK/bench-classes" "$@"
}

# beam_floor: Beam's own fixed cost, its smallest pipeline (bench/BeamFloor.java: Create and a ParDo)
# on the DirectRunner, compiled against the fat jar; sets FLOOR_S FLOOR_M (plain java -cp) and
# FLOOR_L_S FLOOR_L_M (with a class-data-sharing archive of its run, as the launcher has). Needs
# ROOT and JAR.
beam_floor() {
  mkdir -p "$WORK/floor/classes"
  javac -nowarn -cp "$JAR" -d "$WORK/floor/classes" "$ROOT/bench/BeamFloor.java"
  jar cf "$WORK/floor/floor.jar" -C "$WORK/floor/classes" .
  read -r FLOOR_S FLOOR_M < <(measure beam-floor java -cp "$JAR:$WORK/floor/floor.jar" BeamFloor)
  rm -f "$WORK/floor/floor.jsa"
  java -XX:ArchiveClassesAtExit="$WORK/floor/floor.jsa" -cp "$JAR:$WORK/floor/floor.jar" BeamFloor > /dev/null 2>&1
  read -r FLOOR_L_S FLOOR_L_M < <(measure beam-floor-cds java -XX:SharedArchiveFile="$WORK/floor/floor.jsa" -cp "$JAR:$WORK/floor/floor.jar" BeamFloor)
}
