#!/usr/bin/env bash
# Builds the agent and the benchmarks, runs the JMH benchmarks and the start-up comparison, and
# writes benchmarks/RESULTS.md.
#
#   benchmarks/run.sh [--quick] [--no-build] [--log-only]
#
# --quick: one fork, short iterations and 10 start-up runs each (a few minutes); the default is two
# forks, longer iterations and 20 start-up runs each. --no-build uses the jars already in target/.
# --log-only: only the log call benchmarks (Logback and Log4j2, clean and personal, without and
# with the agent, -prof gc); replaces the "Log calls" section of RESULTS.md and keeps the rest.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
quick=""
runs=20
build=yes
log_only=""
for arg in "$@"; do
  case "$arg" in
    --quick) quick="--quick"; runs=10 ;;
    --no-build) build=no ;;
    --log-only) log_only="--log-only" ;;
    *) echo "run.sh: unknown argument $arg; use --quick, --no-build, --log-only" >&2; exit 2 ;;
  esac
done
agent_jar="$root/agent/target/piiwarden-agent.jar"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

if [ "$build" = yes ]; then
  (cd "$root" && mvn -q -B -DskipTests -pl agent,benchmarks -am package)
fi
if [ -n "$log_only" ]; then
  exec "$java" -jar "$here/target/benchmarks.jar" $quick --log-only --agent-jar "$agent_jar" \
    --out "$here/RESULTS.md"
fi
"$here/startup.sh" --runs "$runs" --agent-jar "$agent_jar" > "$here/target/startup.txt"
"$java" -jar "$here/target/benchmarks.jar" $quick --agent-jar "$agent_jar" \
  --startup "$here/target/startup.txt" --out "$here/RESULTS.md"
