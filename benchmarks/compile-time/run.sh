#!/usr/bin/env bash
# Measures what PII Warden's processor adds to javac's compile time on a generated project.
# usage: [REFERENCE=1] benchmarks/compile-time/run.sh [RUNS] [CLASSES]   (defaults: 5 runs, 1500 classes)
# Needs: the dependencies of annotations, core and processor in the local repository (any build of
# this checkout puts them there; the script compiles the three modules itself); python3,
# GNU time (/usr/bin/time; apt-get install time).
# Uses the javac on PATH (or $JAVA_HOME/bin/javac). Setups are interleaved run by run so that
# load from other processes on the machine spreads over all three alike. Reported per setup: the
# wall time and the CPU time (user + sys of the javac process, all its threads: JIT and GC
# included), each as median, min and max. On a shared machine the CPU time is the figure to trust:
# wall time also counts the time javac waited for a core.
# The three setups differ only in processor options: same javac, same heap (JAVAC_HEAP, default
# 1g for -Xms and -Xmx, so GC sizing does not differ), same sources, class path and flags.
# The processor path holds the processor's compile and runtime dependencies only, as Maven's
# annotationProcessorPaths would (test jars such as auto-value carry processors of their own).
# Extra javac options for every setup (e.g. a JFR recording) can be given in JAVAC_EXTRA.
# With IN_PROCESS=N each setup's javac runs N times inside one JVM through javax.tools, as Maven
# runs it without fork (InProcessJavac.java), and a second table gives, for the first and the last
# compile of each JVM, the CPU time of the thread running javac, of the whole process, the JIT's
# compile time and the classes loaded (medians over the runs); the first table then times the
# whole JVM, all N compiles.
# With REFERENCE=1 two more setups show the floor any processor pays under javac's rounds, built
# from reference/ReferenceProcessor.java: ref-empty (a processor that claims @PersonalData and does
# nothing) and ref-gen (the same writing one empty class per class with personal data, as many
# sources as PII Warden's descriptors).
set -euo pipefail
runs="${1:-5}"
classes="${2:-1500}"
heap="${JAVAC_HEAP:-1g}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$here/target"
javac="${JAVA_HOME:+$JAVA_HOME/bin/}javac"
timer=/usr/bin/time
[ -x "$timer" ] || { echo "needs GNU time at $timer (apt-get install time)" >&2; exit 1; }

rm -rf "$work"
mkdir -p "$work"
python3 "$here/generate.py" "$work/src" "$classes"
find "$work/src" -name '*.java' | sort > "$work/sources.txt"

# Compiled here in the same invocation, so that the reactor resolves annotations and core to this
# checkout's classes, on a machine where they were never installed in the local repository too.
# Each module writes the file in turn; the processor's, written last, is the one read.
(cd "$root" && mvn -q -B -o -pl annotations,core,processor compile dependency:build-classpath \
  -DincludeScope=runtime -Dmdep.outputFile="$work/deps.txt" >/dev/null)
# A private copy of the processor, its dependencies and the annotations: other builds on the
# machine may reinstall the same jars in the local repository while javac reads them.
mkdir -p "$work/lib"
cp -r "$root/processor/target/classes" "$work/lib/processor"
cp -r "$root/annotations/target/classes" "$work/lib/annotations"
processor_path="$work/lib/processor"
IFS=: read -r -a jars < "$work/deps.txt" || true # no newline at its end
for jar in "${jars[@]}"; do
  case "$jar" in
    # This checkout's own modules, not what the local repository last had installed.
    */piiwarden-annotations-*.jar | */annotations/target/classes)
      processor_path="$processor_path:$work/lib/annotations"; continue ;;
    */piiwarden-core-*.jar | */core/target/classes)
      cp -r "$root/core/target/classes" "$work/lib/core"
      processor_path="$processor_path:$work/lib/core"
      continue ;;
  esac
  cp "$jar" "$work/lib/"
  processor_path="$processor_path:$work/lib/$(basename "$jar")"
done
annotations="$work/lib/annotations"
mkdir -p "$work/lib/reference"
"$javac" -d "$work/lib/reference" "$here/reference/ReferenceProcessor.java"
read -r -a extra <<< "${JAVAC_EXTRA:-}"
in_process="${IN_PROCESS:-0}"
java_launcher="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if [ "$in_process" -gt 0 ]; then
  mkdir -p "$work/lib/in-process"
  "$javac" -d "$work/lib/in-process" "$here/InProcessJavac.java"
fi

compile() { # setup -> "wall user sys" in seconds
  local out="$work/out-$1"
  rm -rf "$out"; mkdir -p "$out"
  local options=()
  case "$1" in
    none) options=(-proc:none) ;;
    flow-off) options=(-proc:full -processorpath "$processor_path" -Apiiwarden.flow=false) ;;
    flow-on) options=(-proc:full -processorpath "$processor_path") ;;
    ref-empty) options=(-proc:full -processorpath "$work/lib/reference" -processor ReferenceProcessor) ;;
    ref-gen) options=(-proc:full -processorpath "$work/lib/reference" -processor ReferenceProcessor
      -Areference.generate=true) ;;
  esac
  local command=("$javac" -J-Xms"$heap" -J-Xmx"$heap" "${extra[@]}")
  if [ "$in_process" -gt 0 ]; then
    # the same javac arguments, given to javax.tools in one JVM; -J options go to that JVM
    command=("$java_launcher" -Xms"$heap" -Xmx"$heap" "${extra[@]/#-J/}" -cp "$work/lib/in-process"
      InProcessJavac "$in_process") # each compile in a folder of its own under $out
  fi
  "$timer" -f "%e %U %S" -o "$work/time-$1.txt" \
    "${command[@]}" -nowarn -Xlint:none -d "$out" -cp "$annotations" \
    "${options[@]}" @"$work/sources.txt" \
    > "$work/javac-$1.log" 2>&1 || { echo "javac failed for $1; see $work/javac-$1.log" >&2; exit 1; }
  tail -n 1 "$work/time-$1.txt"
}

setups=(none flow-off flow-on)
[ "${REFERENCE:-0}" = 1 ] && setups+=(ref-empty ref-gen)
"$javac" -version 2>&1
echo "classes: $(wc -l < "$work/sources.txt") source files, heap: $heap, runs: $runs (plus one warm-up of each)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for s in "${setups[@]}"; do compile "$s" > /dev/null || exit 1; done
for ((r = 1; r <= runs; r++)); do
  for s in "${setups[@]}"; do
    result="$(compile "$s")" || exit 1
    read -r wall user sys <<< "$result"
    echo "$s $wall $user $sys" >> "$work/times.txt"
    [ "$in_process" -gt 0 ] && sed -n "s/^compile /$s /p" "$work/javac-$s.log" >> "$work/in-process.txt"
    echo "run $r $s wall ${wall}s cpu $(echo "$user + $sys" | bc)s"
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

python3 - "$work/times.txt" <<'PY'
import statistics, sys
wall, cpu = {}, {}
for line in open(sys.argv[1]):
    setup, w, u, s = line.split()
    wall.setdefault(setup, []).append(float(w))
    cpu.setdefault(setup, []).append(float(u) + float(s))
print(f"{'setup':10} {'wall med':>9} {'min':>7} {'max':>7} {'ratio':>6}   {'cpu med':>8} {'min':>7} {'max':>7} {'ratio':>6}")
for setup in [s for s in ("none", "flow-off", "flow-on", "ref-empty", "ref-gen") if s in cpu]:
    row = f"{setup:10}"
    for table in (wall, cpu):
        t = table[setup]
        m = statistics.median(t)
        row += f" {m:9.2f} {min(t):7.2f} {max(t):7.2f} {m / statistics.median(table['none']):6.3f}  "
    print(row)
PY
if [ "$in_process" -gt 0 ]; then
  python3 - "$work/in-process.txt" "$in_process" <<'PY'
import statistics, sys
last = int(sys.argv[2])
rows = {}
for line in open(sys.argv[1]):
    f = line.split()
    setup, n, values = f[0], int(f[1]), dict(zip(f[2::2], map(float, f[3::2])))
    rows.setdefault((setup, n), []).append(values)
print(f"in one JVM, medians over the runs (seconds; classes loaded): compile 1 and compile {last}")
print(f"{'setup':10} {'compile':>7} {'main':>7} {'process':>8} {'ratio':>6} {'jit':>7} {'classes':>8}")
for n in sorted({1, last}):
    base = statistics.median(v['process'] for v in rows[('none', n)])
    for setup in ("none", "flow-off", "flow-on", "ref-empty", "ref-gen"):
        if (setup, n) not in rows:
            continue
        v = rows[(setup, n)]
        med = {k: statistics.median(x[k] for x in v) for k in ('main', 'process', 'jit', 'classes')}
        print(f"{setup:10} {n:7d} {med['main']:7.2f} {med['process']:8.2f} {med['process'] / base:6.3f}"
              f" {med['jit']:7.2f} {med['classes']:8.0f}")
PY
fi
written="$work/out-flow-on"
[ "$in_process" -gt 0 ] && written="$written/compile-1"
echo "fragments written with flow on: $(find "$written/META-INF/piiwarden/types" -name '*.json' 2>/dev/null | wc -l)"
echo "descriptors written: $(find "$written" -name '*_PiiWardenDescriptor.class' | wc -l)"
