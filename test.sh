#!/usr/bin/env bash
# Runs Beacon's whole test suite: unit, contract, in-process host and end-to-end tests.
# The end-to-end tests start real peers from the repo's pinned npm packages (Agents Playground,
# Azurite, ts-fsrs), so this installs them first when the lockfile changed.
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -f node_modules/.package-lock.json ] || ! cmp -s package-lock.json node_modules/.beacon-lock; then
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.beacon-lock
fi

# Many in-process hosts start during the run: none of them needs to watch its settings files.
export DOTNET_hostBuilder__reloadConfigOnChange=false

log=$(mktemp)
# Tests append one-line reports here (e.g. the fuzz run's case count); printed before the totals.
report=$(mktemp)
export BEACON_TEST_REPORT="$report"
trap 'rm -f "$log" "$report"' EXIT
set +e
dotnet test TeamsBot.sln --nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# Reports first, then one closing line with the totals across test assemblies.
cat "$report"
awk '
  /(Passed|Failed)!  - Failed:/ {
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:") { gsub(",", "", $(i+1)); failed += $(i+1) }
      if ($i == "Passed:") { gsub(",", "", $(i+1)); passed += $(i+1) }
      if ($i == "Skipped:") { gsub(",", "", $(i+1)); skipped += $(i+1) }
    }
    seen = 1
  }
  END { if (seen) printf "%d passed, %d failed, %d skipped\n", passed, failed, skipped }
' "$log"
exit "$status"
