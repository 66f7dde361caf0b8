#!/usr/bin/env bash
# Builds the agent and the benchmarks, runs the JMH benchmarks and the start-up comparison, and
# writes benchmarks/RESULTS.md.
#
#   benchmarks/run.sh [--quick] [--no-build] [--log-only] [--redaction-only] [--scaling-only]
#
# --quick: one fork, short iterations and 10 start-up runs each (a few minutes); the default is two
# forks, longer iterations and 20 start-up runs each. --no-build uses the jars already in target/.
# --log-only: only the log call benchmarks (Logback and Log4j2, clean and personal, without and
# with the agent, -prof gc); replaces the "Log calls" section of RESULTS.md and keeps the rest.
# --redaction-only: PII Warden's redactor against Logback's %replace and logstash-logback-encoder's
# masking on core's labelled corpus (throughput and quality); replaces "Redaction against other tools".
# --scaling-only: redaction by line length, consent check by purposes per call, audit verify of a
# million-record trail (time and peak memory); replaces "Scaling". The two may be given together.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
quick=""
runs=20
build=yes
log_only=""
own_sections=()
for arg in "$@"; do
  case "$arg" in
    --quick) quick="--quick"; runs=10 ;;
    --no-build) build=no ;;
    --log-only) log_only="--log-only" ;;
    --redaction-only|--scaling-only) own_sections+=("$arg") ;;
    *) echo "run.sh: unknown argument $arg; use --quick, --no-build, --log-only, --redaction-only, --scaling-only" >&2; exit 2 ;;
  esac
done
agent_jar="$root/agent/target/piiwarden-agent.jar"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

if [ "$build" = yes ]; then
  # the redaction and scaling sections need no agent
  modules=agent,benchmarks
  [ ${#own_sections[@]} -gt 0 ] && modules=benchmarks
  (cd "$root" && mvn -q -B -DskipTests -pl "$modules" -am package)
fi
if [ ${#own_sections[@]} -gt 0 ]; then
  # with a built agent, the redaction section also logs the corpus through the agent's Logback hook
  agent_opt=()
  [ -f "$agent_jar" ] && agent_opt=(--agent-jar "$agent_jar")
  exec "$java" -jar "$here/target/benchmarks.jar" $quick "${own_sections[@]}" ${agent_opt[@]+"${agent_opt[@]}"} \
    --out "$here/RESULTS.md"
fi
if [ -n "$log_only" ]; then
  exec "$java" -jar "$here/target/benchmarks.jar" $quick --log-only --agent-jar "$agent_jar" \
    --out "$here/RESULTS.md"
fi
"$here/startup.sh" --runs "$runs" --agent-jar "$agent_jar" > "$here/target/startup.txt"
"$java" -jar "$here/target/benchmarks.jar" $quick --agent-jar "$agent_jar" \
  --startup "$here/target/startup.txt" --out "$here/RESULTS.md"
"$java" -jar "$here/target/benchmarks.jar" $quick --redaction-only --scaling-only --agent-jar "$agent_jar" \
  --out "$here/RESULTS.md"
