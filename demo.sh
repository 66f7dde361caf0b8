#!/usr/bin/env bash
# The one-command demo: builds the sample user-account service with the PII Warden processor, runs
# it under the agent, drives a scripted scenario over HTTP, stops it, and leaves the inventory,
# records of processing, data-flow diagram, redacted log, audit trail and policy check in target/demo/.
# Needs only JDK 17+, Maven 3.8+ and curl.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="$ROOT/target/demo"
RUN="$OUT/service"
AGENT="$ROOT/agent/target/piiwarden-agent.jar"
APP="$ROOT/samples/user-accounts/target/user-accounts.jar"
CLI="$ROOT/report-cli/target/piiwarden"
PURPOSE="marketing.communications.email"
START=$(date +%s)

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
say() { printf '    %s\n' "$*"; }

step "Building the processor, agent, CLI and sample service (mvn package, tests skipped)"
# Maven 3.8 prints colour resets (ESC[0m) even in batch mode when quiet; they are taken out.
(cd "$ROOT" && mvn -B -q -DskipTests package -pl processor,report-cli,agent,samples/user-accounts -am) 2>&1 \
  | sed 's/\x1b\[0m//g'

rm -rf "$OUT"
mkdir -p "$RUN"

step "Starting the user-account service under the agent"
(cd "$RUN" && exec java "-javaagent:$AGENT=consent.store=file:consent.jsonl" -jar "$APP" \
    --port 0 --port-file port > console.log 2>&1) &
PID=$!
stop_service() { kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true; }
trap stop_service EXIT
for _ in $(seq 1 300); do
  [[ -s "$RUN/port" ]] && break
  kill -0 "$PID" 2>/dev/null || { cat "$RUN/console.log"; echo "demo: the service did not start" >&2; exit 1; }
  sleep 0.2
done
[[ -s "$RUN/port" ]] || { echo "demo: the service did not start within 60 s" >&2; exit 1; }
BASE="http://127.0.0.1:$(cat "$RUN/port")"
say "listening at $BASE (pid $PID), working folder target/demo/service"

# call METHOD PATH [JSON] -> prints "STATUS BODY"; requests come "from" a client address behind a proxy
call() {
  curl -sS -o "$RUN/body" -w '%{http_code}' -X "$1" -H 'Content-Type: application/json' \
    -H 'X-Forwarded-For: 198.51.100.23' ${3:+--data "$3"} "$BASE$2"
  printf ' %s' "$(cat "$RUN/body")"
}
id_of() { sed -n 's/.*"id":"\([^"]*\)".*/\1/p' <<<"$1"; }

step "Registering three users"
ANA=$(id_of "$(call POST /users '{"email":"ana.lima@example.com","name":"Ana Lima","phone":"+44 20 7946 0958","password":"Correct-Horse-1"}')")
BEN=$(id_of "$(call POST /users '{"email":"ben.okafor@example.org","name":"Ben Okafor","phone":"+1 415 555 0132","password":"Battery-Staple-2"}')")
CHLOE=$(id_of "$(call POST /users '{"email":"chloe.martin@example.net","name":"Chloe Martin","phone":"+33 1 44 55 66 77","password":"Tr0ub4dor&3"}')")
say "ana   $ANA"
say "ben   $BEN"
say "chloe $CHLOE"

step "Consent: Ana and Ben grant $PURPOSE, Ben then withdraws it, Chloe never grants"
say "ana grant:    $(call PUT "/users/$ANA/consents/$PURPOSE" '{"source":"signup-form"}' | cut -c1-3)"
say "ben grant:    $(call PUT "/users/$BEN/consents/$PURPOSE" '{"source":"signup-form"}' | cut -c1-3)"
say "ben withdraw: $(call DELETE "/users/$BEN/consents/$PURPOSE" '{"source":"settings-page"}' | cut -c1-3)"

step "Sending the newsletter (@ConsentRequired, OnDenied.SKIP)"
NEWSLETTER=$(call POST /newsletter/send)
say "$NEWSLETTER"

step "Logins: Ana with her password, Ben with a wrong one"
say "ana: $(call POST /login '{"email":"ana.lima@example.com","password":"Correct-Horse-1"}')"
say "ben: $(call POST /login '{"email":"ben.okafor@example.org","password":"guess-123"}')"

step "Rectification, a duplicate registration, an export, an erasure"
say "chloe PATCH phone: $(call PATCH "/users/$CHLOE" '{"phone":"+33 6 12 34 56 78"}' | cut -c1-3)"
say "ana registers again: $(call POST /users '{"email":"ana.lima@example.com","name":"Ana","password":"x"}')"
call GET "/users/$ANA/export" >/dev/null
cp "$RUN/body" "$OUT/export-ana.json"
say "ana's export (GDPR Art. 15/20): target/demo/export-ana.json, $(grep -o '"category"' "$OUT/export-ana.json" | wc -l | tr -d ' ') values with their categories"
say "ben erased: $(call DELETE "/users/$BEN" | cut -c1-3), then GET: $(call GET "/users/$BEN" | cut -c1-3)"

step "Stopping the service (the agent flushes the audit trail)"
stop_service
trap - EXIT

step "Collecting the reports"
cp "$RUN/logs/app.log" "$OUT/app.log"
cp -p "$RUN/piiwarden-audit.jsonl" "$RUN/piiwarden-audit.key" "$RUN/consent.jsonl" "$OUT/"
set +e
"$CLI" audit verify "$OUT/piiwarden-audit.jsonl" > "$OUT/audit-verify.txt" 2>&1
VERIFY=$?
CLASSES="$ROOT/samples/user-accounts/target/classes"
"$CLI" inventory "$CLASSES" --out "$OUT/inventory.json" \
  && "$CLI" ropa "$CLASSES" --controller "PII Warden demo" --format md --out "$OUT/ropa.md" \
  && "$CLI" ropa "$CLASSES" --controller "PII Warden demo" --format html --out "$OUT/ropa.html" \
  && "$CLI" diagram "$CLASSES" --format mermaid --out "$OUT/flows.mmd" \
  && "$CLI" diagram "$CLASSES" --format dot --out "$OUT/flows.dot"
REPORTS=$?
# SARIF's paths relative to the repository, as code scanning resolves them
"$CLI" check "$CLASSES" --format sarif --source-root samples/user-accounts/src/main/java \
  --out "$OUT/check.sarif"
CHECK=$?
"$CLI" check "$CLASSES" --format text --source-root "$ROOT/samples/user-accounts/src/main/java" \
  > "$OUT/check.txt" 2>&1
set -e
[[ $REPORTS -eq 0 ]] || { echo "demo: a report could not be written" >&2; exit 1; }
if command -v dot >/dev/null 2>&1; then
  dot -Tsvg "$OUT/flows.dot" -o "$OUT/flows.svg" 2>/dev/null || rm -f "$OUT/flows.svg"
fi

step "Summary"
TRAIL="$OUT/piiwarden-audit.jsonl"
printf '    newsletter: %s\n' "${NEWSLETTER#* }"
printf '    consent decisions in the audit trail (subjects pseudonymous):\n'
awk '
  function field(name,   m) {
    if (match($0, "\"" name "\":\"[^\"]*\"")) { m = substr($0, RSTART, RLENGTH); sub("^\"" name "\":\"", "", m); sub("\"$", "", m); return m }
    return ""
  }
  /"type":"consent\.(granted|denied)"/ {
    activity = field("activity"); sub(/\(.*/, "", activity); sub(/.*\./, "", activity)
    reason = field("reason")
    printf "      %-16s %s… %s%s\n", field("type"), substr(field("subject"), 1, 17), activity, (reason == "" ? "" : " (" reason ")")
  }' "$TRAIL"
printf '    denied/skipped by reason: %s\n' \
  "$(grep -h '"type":"consent.denied"' "$TRAIL" | grep -o '"reason":"[A-Z_]*"' | cut -d'"' -f4 | sort | uniq -c \
     | awk '{printf "%s%s %s", sep, $1, $2; sep=", "}')"
printf '    values redacted from the log, by type (audit trail "redaction" events): %s\n' \
  "$(grep -h '"type":"redaction"' "$TRAIL" | grep -o '"counts":{[^}]*}' | sed 's/"counts":{//; s/}//' | tr ',' '\n' \
     | tr -d '"' | awk -F: '{n[$1]+=$2} END {for (t in n) printf "%s=%d ", t, n[t]}')"
printf '    audit verify: %s\n' "$(if [[ $VERIFY -eq 0 ]]; then echo "OK ($(head -1 "$OUT/audit-verify.txt"))"; else echo "FAILED: $(head -1 "$OUT/audit-verify.txt")"; fi)"
printf '    policy check: %s\n' "$(tail -1 "$OUT/check.txt") (exit $CHECK)"
printf '    files in target/demo/:\n'
for f in inventory.json ropa.md ropa.html flows.mmd flows.dot flows.svg app.log piiwarden-audit.jsonl audit-verify.txt check.sarif check.txt export-ana.json consent.jsonl; do
  [[ -f "$OUT/$f" ]] && printf '      %s\n' "$f"
done
printf '    done in %ss\n' "$(( $(date +%s) - START ))"
[[ $VERIFY -eq 0 ]]
