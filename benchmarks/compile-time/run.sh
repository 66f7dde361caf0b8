#!/usr/bin/env bash
# Measures what PII Warden's processor adds to javac's compile time on a generated project.
# usage: benchmarks/compile-time/run.sh [RUNS] [CLASSES]      (defaults: 5 runs, 1500 classes)
# Needs: mvn install of annotations and core, and processor built (target/classes); python3.
# Uses the javac on PATH (or $JAVA_HOME/bin/javac). Setups are interleaved run by run so that
# load from other processes on the machine spreads over all three alike.
set -euo pipefail
runs="${1:-5}"
classes="${2:-1500}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$here/target"
javac="${JAVA_HOME:+$JAVA_HOME/bin/}javac"

rm -rf "$work"
mkdir -p "$work"
python3 "$here/generate.py" "$work/src" "$classes"
find "$work/src" -name '*.java' | sort > "$work/sources.txt"

(cd "$root" && mvn -q -B -o -pl processor dependency:build-classpath -Dmdep.outputFile="$work/deps.txt" >/dev/null)
processor_path="$root/processor/target/classes:$(cat "$work/deps.txt")"
annotations="$root/annotations/target/classes"

compile() { # setup -> seconds
  local out="$work/out-$1"
  rm -rf "$out"; mkdir -p "$out"
  local options=()
  case "$1" in
    none) options=(-proc:none) ;;
    flow-off) options=(-proc:full -processorpath "$processor_path" -Apiiwarden.flow=false) ;;
    flow-on) options=(-proc:full -processorpath "$processor_path") ;;
  esac
  local start end
  start=$(date +%s%N)
  "$javac" -nowarn -Xlint:none -d "$out" -cp "$annotations" "${options[@]}" @"$work/sources.txt" \
    > "$work/javac-$1.log" 2>&1 || { echo "javac failed for $1; see $work/javac-$1.log" >&2; exit 1; }
  end=$(date +%s%N)
  echo "scale=3; ($end - $start) / 1000000000" | bc
}

setups=(none flow-off flow-on)
"$javac" -version 2>&1
echo "classes: $(wc -l < "$work/sources.txt") source files, runs: $runs (plus one warm-up of each)"
for s in "${setups[@]}"; do compile "$s" > /dev/null; done
for ((r = 1; r <= runs; r++)); do
  for s in "${setups[@]}"; do
    t=$(compile "$s")
    echo "$s $t" >> "$work/times.txt"
    echo "run $r $s ${t}s"
  done
done

python3 - "$work/times.txt" <<'PY'
import statistics, sys
times = {}
for line in open(sys.argv[1]):
    setup, seconds = line.split()
    times.setdefault(setup, []).append(float(seconds))
base = statistics.median(times["none"])
print(f"{'setup':10} {'median':>8} {'min':>8} {'max':>8} {'ratio':>7}")
for setup in ("none", "flow-off", "flow-on"):
    t = times[setup]
    m = statistics.median(t)
    print(f"{setup:10} {m:8.2f} {min(t):8.2f} {max(t):8.2f} {m / base:7.3f}")
PY
ls "$work/out-flow-on/META-INF/piiwarden/types" | wc -l | xargs echo "fragments written with flow on:"
