#!/usr/bin/env bash
# Start-up with no agent, the PII Warden agent, the OpenTelemetry Java agent and both, and how the
# PII Warden agent's start-up grows with the number of annotated classes loaded. Writes a markdown
# section to stdout (and, with --write, into RESULTS.md as "## Start-up"); each raw run goes to
# stderr as "<case> <setup> <wall ms> <cpu ms>".
#
#   benchmarks/startup-compare.sh [--runs N] [--cases "logback service scaling"] [--sizes "0 10 100 1000"]
#                                 [--write] [--agent-jar PATH]
#
# Cases:
#   logback  startup.LogbackApp (SLF4J + Logback, three INFO lines, one with an e-mail address): JVM
#            start to exit; wall time, and CPU time (user + system) of the JVM.
#   service  samples/user-accounts (HTTP server, H2 in a fresh folder, Logback): JVM start until it
#            answers GET /health with 200; wall time, and the JVM's CPU time at that moment
#            (/proc/<pid>/stat, 10 ms ticks). The JVM is then stopped.
#   scaling  generated classes, each with one @ConsentRequired(onDenied = SKIP) method, all loaded
#            and each called once (every call skipped under the agent): 0, 10, 100, 1000 classes,
#            no agent against the PII Warden agent.
# Setups: none; piiwarden (defaults: jsonl audit trail and key in the run's folder); otel
# (-Dotel.{traces,metrics,logs}.exporter=none); both (OpenTelemetry's -javaagent first).
# Runs are interleaved, the order of the setups rotating from one round to the next; one untimed
# round first (page cache, audit key, and a check that each setup works).
#
# Needs benchmarks/target/benchmarks.jar and benchmarks/target/otel/opentelemetry-javaagent.jar
# (mvn -B -pl benchmarks -am package -DskipTests), agent/target/piiwarden-agent.jar and, for the
# service case, samples/user-accounts/target/user-accounts.jar.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
runs=10
cases="logback service scaling"
sizes="0 10 100 1000"
write=false
agent_jar="$here/../agent/target/piiwarden-agent.jar"
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --cases) cases="$2"; shift 2 ;;
    --sizes) sizes="$2"; shift 2 ;;
    --write) write=true; shift ;;
    --agent-jar) agent_jar="$2"; shift 2 ;;
    *) echo "startup-compare.sh: unknown argument $1; use --runs N, --cases LIST, --sizes LIST, --write, --agent-jar PATH" >&2; exit 2 ;;
  esac
done
bench_jar="$here/target/benchmarks.jar"
otel_jar="$here/target/otel/opentelemetry-javaagent.jar"
service_jar="$here/../samples/user-accounts/target/user-accounts.jar"
needed=("$bench_jar" "$otel_jar" "$agent_jar")
[[ " $cases " == *" service "* ]] && needed+=("$service_jar")
for file in "${needed[@]}"; do
  [ -f "$file" ] || { echo "startup-compare.sh: $file is missing; build it first (see the comment at the top of this script)" >&2; exit 2; }
done
agent_jar="$(cd "$(dirname "$agent_jar")" && pwd)/$(basename "$agent_jar")"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
javac="${JAVA_HOME:+$JAVA_HOME/bin/}javac"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
raw="$work/raw"
: > "$raw"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"

otel=(-javaagent:"$otel_jar" -Dotel.traces.exporter=none -Dotel.metrics.exporter=none -Dotel.logs.exporter=none)
pw=(-javaagent:"$agent_jar")
setup_args() {
  case "$1" in
    none) ;;
    piiwarden) printf '%s\n' "${pw[@]}" ;;
    otel) printf '%s\n' "${otel[@]}" ;;
    both) printf '%s\n' "${otel[@]}" "${pw[@]}" ;;
  esac
}

# Runs "$@" in folder $1 and appends "<case> <setup> <wall> <cpu>" to $raw; checks its output.
time_exit() {
  local case_name="$1" setup="$2" folder="$3" expect="$4" line out
  shift 4
  TIMEFORMAT='%3R %3U %3S'
  line=$( { time (cd "$folder" && "$@" > "$folder/out" 2> "$folder/err"); } 2>&1 )
  out="$(tail -n 1 "$folder/out")"
  if [ "$out" != "$expect" ]; then
    echo "startup-compare.sh: $case_name/$setup printed '$out', expected '$expect'; stderr:" >&2
    head -n 5 "$folder/err" >&2
    exit 1
  fi
  echo "$line" | awk -v c="$case_name" -v s="$setup" '{ printf "%s %s %.1f %.1f\n", c, s, $1 * 1000, ($2 + $3) * 1000 }'
}

# Starts the service in $folder, waits for /health, stops it; prints "<case> <setup> <wall> <cpu>".
time_service() {
  local setup="$1" folder="$2" start pid port="" code ready ticks hz
  shift 2
  rm -rf "$folder/data" "$folder/logs" "$folder/port"
  start=$(date +%s%N)
  (cd "$folder" && exec "$@" -jar "$service_jar" --port 0 --port-file "$folder/port" > "$folder/out" 2> "$folder/err") &
  pid=$!
  for ((i = 0; i < 6000; i++)); do
    if [ -z "$port" ] && [ -s "$folder/port" ]; then port="$(tr -d '[:space:]' < "$folder/port")"; fi
    if [ -n "$port" ]; then
      code="$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health" || true)"
      [ "$code" = 200 ] && break
    fi
    kill -0 "$pid" 2>/dev/null || { echo "startup-compare.sh: the service exited under $setup; stderr:" >&2; head -n 5 "$folder/err" >&2; exit 1; }
    sleep 0.005
  done
  ready=$(date +%s%N)
  [ "${code:-}" = 200 ] || { echo "startup-compare.sh: no answer from /health under $setup within 60 s" >&2; kill "$pid"; exit 1; }
  ticks=$(awk '{ print $14 + $15 }' "/proc/$pid/stat")
  hz=$(getconf CLK_TCK)
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  awk -v s="$setup" -v w="$(( (ready - start) / 1000 ))" -v t="$ticks" -v hz="$hz" \
    'BEGIN { printf "service %s %.1f %.1f\n", s, w / 1000, t * 1000 / hz }'
}

# One round over the setups, starting at setup number $2 (0-3) so the order rotates.
round() {
  local case_name="$1" first="$2" setups=(none piiwarden otel both) k setup folder
  for ((k = 0; k < 4; k++)); do
    setup="${setups[$(( (first + k) % 4 ))]}"
    folder="$work/$case_name-$setup"
    mkdir -p "$folder"
    mapfile -t args < <(setup_args "$setup")
    case "$case_name" in
      logback) time_exit logback "$setup" "$folder" "logback-app=ran" "$java" "${args[@]}" -cp "$bench_jar" dev.piiwarden.benchmarks.startup.LogbackApp ;;
      service) time_service "$setup" "$folder" "$java" "${args[@]}" ;;
    esac
  done
}

# gen/Main loads and calls n annotated classes; without the agent every call sends, with it none does.
generate() {
  local n="$1" dir="$work/gen-$1" i
  mkdir -p "$dir/src/gen" "$dir/classes"
  {
    echo 'package gen;'
    echo 'public final class Main { public static void main(String[] args) { int sent = 0;'
    for ((i = 0; i < n; i++)); do echo "  if (new C$i().send(\"u-$i\")) sent++;"; done
    echo '  System.out.println("annotated=" + args[0] + " sent=" + sent); } }'
  } > "$dir/src/gen/Main.java"
  for ((i = 0; i < n; i++)); do
    printf '%s\n' 'package gen;' 'import dev.piiwarden.annotations.ConsentRequired;' \
      'import dev.piiwarden.annotations.DataSubject;' 'import dev.piiwarden.annotations.OnDenied;' \
      "public final class C$i {" \
      '  @ConsentRequired(value = "marketing.communications.email", onDenied = OnDenied.SKIP)' \
      "  public boolean send(@DataSubject String subject) { return subject.length() > $i % 2; }" \
      '}' > "$dir/src/gen/C$i.java"
  done
  find "$dir/src" -name '*.java' > "$dir/sources"
  "$javac" -proc:none -d "$dir/classes" -cp "$bench_jar" @"$dir/sources"
}

scaling_round() {
  local n="$1" first="$2" setups=(none piiwarden) k setup folder
  for ((k = 0; k < 2; k++)); do
    setup="${setups[$(( (first + k) % 2 ))]}"
    folder="$work/scaling-$n-$setup"
    mkdir -p "$folder"
    mapfile -t args < <(setup_args "$setup")
    local expect="annotated=$n sent=$n"
    [ "$setup" = piiwarden ] && expect="annotated=$n sent=0"
    time_exit "scaling-$n" "$setup" "$folder" "$expect" "$java" "${args[@]}" -cp "$work/gen-$n/classes:$bench_jar" gen.Main "$n"
  done
}

for case_name in $cases; do
  case "$case_name" in
    logback|service)
      round "$case_name" 0 > /dev/null
      for ((r = 0; r < runs; r++)); do round "$case_name" "$r" | tee -a "$raw" >&2; done
      ;;
    scaling)
      for n in $sizes; do
        generate "$n"
        scaling_round "$n" 0 > /dev/null
        for ((r = 0; r < runs; r++)); do scaling_round "$n" "$r" | tee -a "$raw" >&2; done
      done
      ;;
    *) echo "startup-compare.sh: unknown case $case_name; use logback, service, scaling" >&2; exit 2 ;;
  esac
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

# Median and spread of one column (3 wall, 4 cpu) of one case and setup: "median min max n".
stat() {
  awk -v c="$1" -v s="$2" -v col="$3" '$1 == c && $2 == s { print $col }' "$raw" | sort -n |
    awk '{ v[NR] = $1 } END { if (NR == 0) { print "0 0 0 0"; exit }
      m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.1f %.1f %.1f %d\n", m, v[1], v[NR], NR }'
}
fig() { echo "$1" | awk '{ printf "%.0f ms (%.0f–%.0f)", $1, $2, $3 }'; }
med() { echo "$1" | cut -d' ' -f1; }

section="$work/section.md"
{
  echo "## Start-up"
  echo
  echo "Written by \`benchmarks/startup-compare.sh --runs $runs\` on $(date -u +%Y-%m-%d)."
  echo
  echo "- Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $(uname -sm); $("$java" -version 2>&1 | sed -n 2p)"
  echo "- Load average (1 / 5 / 15 min) before: $load_before; after: $load_after. Other builds share these cores: read the spread before the median."
  echo "- PII Warden agent with its defaults (jsonl audit trail and key in the working folder, \`memory:\` ledger); OpenTelemetry Java agent $(unzip -p "$otel_jar" META-INF/MANIFEST.MF | awk -F': ' '/Implementation-Version/ { gsub(/\r/, "", $2); print $2; exit }') with \`-Dotel.traces.exporter=none -Dotel.metrics.exporter=none -Dotel.logs.exporter=none\`; both: OpenTelemetry's \`-javaagent\` first."
  echo "- $runs interleaved rounds per case after one untimed round, the order of the setups rotating. Median (smallest–largest). CPU is user + system time of the JVM."
  echo "- Goals: the PII Warden agent adds at most 5% of what the OpenTelemetry agent adds (\"share of OTel's cost\": (PII Warden − none) / (OTel − none)), and at most 15% over no agent."
  echo
  for case_name in logback service; do
    [[ " $cases " == *" $case_name "* ]] || continue
    if [ "$case_name" = logback ]; then
      echo "### Small SLF4J + Logback app (\`startup.LogbackApp\`), JVM start to exit"
    else
      echo "### Sample service (\`samples/user-accounts\`), JVM start to its first answer on \`GET /health\`"
    fi
    echo
    echo "| setup | wall | CPU | wall over none | CPU over none |"
    echo "|---|---|---|---|---|"
    for setup in none piiwarden otel both; do
      w="$(stat "$case_name" "$setup" 3)"; c="$(stat "$case_name" "$setup" 4)"
      wn="$(med "$(stat "$case_name" none 3)")"; cn="$(med "$(stat "$case_name" none 4)")"
      echo "| $setup | $(fig "$w") | $(fig "$c") | $(awk -v a="$(med "$w")" -v b="$wn" 'BEGIN { printf "%+.0f ms, %.2fx", a - b, a / b }') | $(awk -v a="$(med "$c")" -v b="$cn" 'BEGIN { printf "%+.0f ms, %.2fx", a - b, a / b }') |"
    done
    echo
    echo "| goal | wall | CPU |"
    echo "|---|---|---|"
    for goal in share over; do
      row=""
      for col in 3 4; do
        n="$(med "$(stat "$case_name" none "$col")")"; p="$(med "$(stat "$case_name" piiwarden "$col")")"; o="$(med "$(stat "$case_name" otel "$col")")"
        if [ "$goal" = share ]; then
          row+=" | $(awk -v n="$n" -v p="$p" -v o="$o" 'BEGIN { s = (o - n) > 0 ? (p - n) / (o - n) * 100 : 0;
            printf "%.1f%% of OTel'"'"'s %+.0f ms: %s", s, o - n, (s <= 5 ? "met" : "NOT met") }')"
        else
          row+=" | $(awk -v n="$n" -v p="$p" 'BEGIN { r = (p - n) / n * 100; printf "%+.0f%%: %s", r, (r <= 15 ? "met" : "NOT met") }')"
        fi
      done
      [ "$goal" = share ] && echo "| ≤ 5% of what OTel adds$row |" || echo "| ≤ 15% over no agent$row |"
    done
    echo
  done
  if [[ " $cases " == *" scaling "* ]]; then
    echo "### Annotated classes loaded (generated, one \`@ConsentRequired(onDenied = SKIP)\` method each, each called once)"
    echo
    echo "| classes | none, wall | PII Warden, wall | none, CPU | PII Warden, CPU | CPU added | CPU added per class |"
    echo "|---|---|---|---|---|---|---|"
    for n in $sizes; do
      wn="$(stat "scaling-$n" none 3)"; wp="$(stat "scaling-$n" piiwarden 3)"
      cn="$(stat "scaling-$n" none 4)"; cp="$(stat "scaling-$n" piiwarden 4)"
      echo "| $n | $(fig "$wn") | $(fig "$wp") | $(fig "$cn") | $(fig "$cp") | $(awk -v a="$(med "$cp")" -v b="$(med "$cn")" 'BEGIN { printf "%+.0f ms", a - b }') | $(awk -v a="$(med "$cp")" -v b="$(med "$cn")" -v n="$n" 'BEGIN { if (n > 0) printf "%.2f ms", (a - b) / n; else printf "–" }') |"
    done
    echo
  fi
} > "$section"
cat "$section"
if $write; then
  "$here/results-section.sh" "## Start-up" < "$section"
fi
