#!/usr/bin/env bash
# Times the start-up of a small application (JVM start to exit) with and without the agent,
# interleaved, and prints one line per run: "plain <ms>" or "agent <ms>"; medians go to stderr.
#
#   benchmarks/startup.sh [--runs N] [--agent-jar PATH]
#
# Needs benchmarks/target/benchmarks.jar and the agent jar (run.sh builds both).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
runs=10
agent_jar="$here/../agent/target/piiwarden-agent.jar"
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --agent-jar) agent_jar="$2"; shift 2 ;;
    *) echo "startup.sh: unknown argument $1; use --runs N, --agent-jar PATH" >&2; exit 2 ;;
  esac
done
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
app=(-cp "$here/target/benchmarks.jar" dev.piiwarden.benchmarks.startup.SmallApp)
plain=("$java" "${app[@]}")
agent=("$java" "-javaagent:$agent_jar=audit.sink=none" "${app[@]}")
for file in "$here/target/benchmarks.jar" "$agent_jar"; do
  [ -f "$file" ] || { echo "startup.sh: $file is missing; run benchmarks/run.sh, which builds it" >&2; exit 2; }
done

# One run of each, not timed: the jars into the page cache, and a check that the agent is active.
[ "$("${plain[@]}" 2>/dev/null)" = "small-app=ran" ] || { echo "startup.sh: the app failed without the agent" >&2; exit 1; }
[ "$("${agent[@]}" 2>/dev/null)" = "small-app=denied" ] || { echo "startup.sh: the agent did not enforce" >&2; exit 1; }

timed() {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1
  end=$(date +%s%N)
  awk -v ns=$((end - start)) 'BEGIN { printf "%.1f\n", ns / 1e6 }'
}

results=""
for ((i = 1; i <= runs; i++)); do
  # Alternate which goes first, so neither always follows the other.
  if ((i % 2)); then
    results+="plain $(timed "${plain[@]}")"$'\n'"agent $(timed "${agent[@]}")"$'\n'
  else
    results+="agent $(timed "${agent[@]}")"$'\n'"plain $(timed "${plain[@]}")"$'\n'
  fi
done
printf '%s' "$results"
for kind in plain agent; do
  printf '%s' "$results" | awk -v k="$kind" '$1 == k { print $2 }' | sort -n |
    awk -v k="$kind" '{ v[NR] = $1 } END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
      printf "startup.sh: %s median %.1f ms (%.1f-%.1f, n=%d)\n", k, m, v[1], v[NR], NR }' >&2
done
