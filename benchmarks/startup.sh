#!/usr/bin/env bash
# Times the start-up of a small application (JVM start to exit) with and without the agent,
# interleaved, and prints one line per run: "plain <ms>" or "agent <ms>" (wall time); medians of
# wall time and of CPU time (user + system) go to stderr.
#
#   benchmarks/startup.sh [--runs N] [--agent-jar PATH] [--case annotated|none]
#
# --case annotated (default): SmallApp loads one @ConsentRequired class and makes one call, which
#   the agent denies.
# --case none: an application that loads no annotated class and no PII Warden class (the API jar
#   is on its class path all the same), to show what the agent costs a JVM that never needs it.
#
# Needs benchmarks/target/benchmarks.jar and the agent jar (run.sh builds both).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
runs=10
agent_jar="$here/../agent/target/piiwarden-agent.jar"
case_name=annotated
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --agent-jar) agent_jar="$2"; shift 2 ;;
    --case) case_name="$2"; shift 2 ;;
    *) echo "startup.sh: unknown argument $1; use --runs N, --agent-jar PATH, --case annotated|none" >&2; exit 2 ;;
  esac
done
for file in "$here/target/benchmarks.jar" "$agent_jar"; do
  [ -f "$file" ] || { echo "startup.sh: $file is missing; run benchmarks/run.sh, which builds it" >&2; exit 2; }
done
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
case "$case_name" in
  annotated)
    app=(-cp "$here/target/benchmarks.jar" dev.piiwarden.benchmarks.startup.SmallApp)
    expect_plain="small-app=ran"
    expect_agent="small-app=denied"
    ;;
  none)
    printf '%s\n' 'public final class HelloApp {' \
      '  public static void main(String[] args) { System.out.println("hello-app=ran"); }' \
      '}' > "$work/HelloApp.java"
    "${JAVA_HOME:+$JAVA_HOME/bin/}javac" -d "$work" "$work/HelloApp.java"
    app=(-cp "$work:$here/target/benchmarks.jar" HelloApp)
    expect_plain="hello-app=ran"
    expect_agent="hello-app=ran"
    ;;
  *) echo "startup.sh: --case is annotated or none, not $case_name" >&2; exit 2 ;;
esac
plain=("$java" "${app[@]}")
agent=("$java" "-javaagent:$agent_jar=audit.sink=none" "${app[@]}")

# One run of each, not timed: the jars into the page cache, and a check that the agent is active.
[ "$("${plain[@]}" 2>/dev/null)" = "$expect_plain" ] || { echo "startup.sh: the app failed without the agent" >&2; exit 1; }
[ "$("${agent[@]}" 2>/dev/null)" = "$expect_agent" ] || { echo "startup.sh: the agent did not enforce, or the app failed with it" >&2; exit 1; }

# Prints the wall time in ms; appends "<kind> <CPU ms>" to $work/cpu.
timed() {
  local kind="$1" line
  shift
  line=$( { TIMEFORMAT='%3R %3U %3S'; time "$@" >/dev/null 2>&1; } 2>&1 )
  echo "$line" | awk -v k="$kind" '{ printf "%s %.1f\n", k, ($2 + $3) * 1000 }' >> "$work/cpu"
  echo "$line" | awk '{ printf "%.1f\n", $1 * 1000 }'
}

results=""
for ((i = 1; i <= runs; i++)); do
  # Alternate which goes first, so neither always follows the other.
  if ((i % 2)); then
    results+="plain $(timed plain "${plain[@]}")"$'\n'
    results+="agent $(timed agent "${agent[@]}")"$'\n'
  else
    results+="agent $(timed agent "${agent[@]}")"$'\n'
    results+="plain $(timed plain "${plain[@]}")"$'\n'
  fi
done
printf '%s' "$results"
summary() {
  local what="$1" lines="$2" kind
  for kind in plain agent; do
    printf '%s' "$lines" | awk -v k="$kind" '$1 == k { print $2 }' | sort -n |
      awk -v k="$kind" -v w="$what" -v c="$case_name" '{ v[NR] = $1 } END {
        m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
        printf "startup.sh: case %s, %s %s median %.1f ms (%.1f-%.1f, n=%d)\n", c, k, w, m, v[1], v[NR], NR }' >&2
  done
}
summary wall "$results"
summary cpu "$(cat "$work/cpu")"$'\n'
