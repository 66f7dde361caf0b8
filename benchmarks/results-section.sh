#!/usr/bin/env bash
# Puts the markdown section read from stdin into benchmarks/RESULTS.md under the heading HEADING
# (a whole line such as "## Start-up"): it replaces that section (up to the next "## " heading) or,
# when RESULTS.md has none, is appended.
#
#   some-command | benchmarks/results-section.sh "## Start-up"
set -euo pipefail
[ $# -eq 1 ] || { echo "results-section.sh: give the section's heading line, e.g. \"## Start-up\"" >&2; exit 2; }
here="$(cd "$(dirname "$0")" && pwd)"
results="$here/RESULTS.md"
section="$(mktemp)"
updated="$(mktemp)"
trap 'rm -f "$section" "$updated"' EXIT
cat > "$section"
awk -v heading="$1" -v file="$section" '
  BEGIN { while ((getline line < file) > 0) text = text line "\n" }
  /^## / { if (skipping) skipping = 0 }
  $0 == heading { printf "%s", text; skipping = 1; done = 1; next }
  !skipping { print }
  END { if (!done) printf "\n%s", text }' "$results" > "$updated"
cp "$updated" "$results"
echo "results-section.sh: wrote the section \"$1\" of $results" >&2
