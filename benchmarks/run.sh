#!/usr/bin/env bash
# Builds the agent, the processor, the sample service and the benchmarks, runs every benchmark and
# writes benchmarks/RESULTS.md: the consent check and log calls (JMH), redaction against other
# tools, scaling, start-up against the OpenTelemetry agent (startup-compare.sh), the audit trail's
# rate (audit.AuditThroughput) and, in full runs only, the processor's compile time
# (compile-time/run.sh, with GNU time). A full run takes a few hours on two cores.
#
#   benchmarks/run.sh [--quick] [--no-build] [--log-only] [--redaction-only] [--scaling-only]
#
# --quick: one fork, short iterations and 10 start-up runs each (a few minutes); the default is two
# forks, longer iterations and 20 start-up runs each. --no-build uses the jars already in target/.
# --log-only: only the log call benchmarks (Logback, Log4j2 and java.util.logging, clean and personal, without and
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
  modules=agent,processor,benchmarks,samples/user-accounts
  [ ${#own_sections[@]} -gt 0 ] && modules=benchmarks
  [ -n "$log_only" ] && modules=agent,benchmarks
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
"$here/startup-compare.sh" --runs "$runs" --write --agent-jar "$agent_jar" 2> "$here/target/startup-compare.txt"

# The audit trail's rate: a plain harness (a queue and one writer thread), not JMH.
# Ten measured rounds: with three, the writer's code was often not yet fully compiled on two cores.
events=400000
rounds=10
[ -n "$quick" ] && events=100000 && rounds=3
{
  echo "## Audit trail"
  echo
  echo "Written by \`benchmarks/run.sh${quick:+ --quick}\` on $(date -u +%F); $(nproc) cores, $("$java" -version 2>&1 | head -1);"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg). \`audit.AuditThroughput $events $rounds\`: each figure the"
  echo "best of $rounds rounds of $events events after a warm-up round (\`benchmarks/README.md\` says what each one"
  echo "covers). Goal: the chain (seq, prev and HMAC on the writer thread) at least 50% of raw"
  echo "HMAC-SHA256 of the same bytes on one thread, measured in the same run."
  echo
  echo '```'
  "$java" -cp "$here/target/benchmarks.jar" dev.piiwarden.benchmarks.audit.AuditThroughput "$events" "$rounds" | tee "$here/target/audit.txt"
  echo '```'
  echo
  awk '/^raw HMAC-SHA256, 1 thread/ { gsub(",", "", $(NF-1)); raw = $(NF-1) }
       /^chain only/ { gsub(",", "", $(NF-1)); chain = $(NF-1) }
       END { ratio = chain / raw; printf "Chain over raw HMAC on one thread: %.0f%% (goal at least 50%%: %s).\n", 100 * ratio, (ratio >= 0.5 ? "met" : "NOT met") }' "$here/target/audit.txt"
} > "$here/target/audit-section.md"
"$here/results-section.sh" "## Audit trail" < "$here/target/audit-section.md"

# The processor's compile-time cost on a generated 1,500-class project (minutes; full runs only).
if [ -z "$quick" ]; then
  {
    echo "## Processor compile time"
    echo
    echo "Written by \`benchmarks/run.sh\` on $(date -u +%F) through \`benchmarks/compile-time/run.sh 3\` (how it measures,"
    echo "and the profile of where the time goes: \`benchmarks/compile-time/RESULTS.md\`). Seconds; ratio to"
    echo "\`-proc:none\`; CPU time (user + sys of javac) is the figure to trust on a shared machine."
    echo
    echo '```'
    REFERENCE=1 "$here/compile-time/run.sh" 3 | grep -v '^run ' | tee "$here/target/compile-time.txt"
    echo '```'
    echo
    awk '$1 == "flow-on" { printf "Flow analysis on: %.2fx the CPU time of -proc:none (goal at most 1.10x: %s).\n", $9, ($9 <= 1.10 ? "met" : "NOT met") }' "$here/target/compile-time.txt"
  } > "$here/target/compile-time-section.md"
  "$here/results-section.sh" "## Processor compile time" < "$here/target/compile-time-section.md"
fi
