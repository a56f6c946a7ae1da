#!/usr/bin/env bash
# The web side's tests: Vitest unit tests, the generated-client drift check, and the browser (e2e) tests
# with playwright-core driving Debian's Chromium against the real API on a fresh SQLite database (the live board's
# on two instances sharing a fresh PostgreSQL database and a Redis).
#   CHECK_CLIENT_DRIFT=1 also rebuild the API and fail if the generated client changed (scripts/test.sh does that itself)
#   SKIP_E2E=1           unit tests only
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export NG_CLI_ANALYTICS=false CI=true

chrome="${L2R_CHROMIUM:-${CHROME_BIN:-/usr/bin/chromium}}"
if [ "${SKIP_E2E:-0}" != 1 ]; then
  # The live board's test runs two API instances on PostgreSQL (L2R_TEST_POSTGRES, a database of its own made with
  # psql) with a Redis between them.
  missing=()
  [ -x "$chrome" ] || missing+=(chromium)
  command -v redis-server >/dev/null || missing+=(redis-server)
  command -v psql >/dev/null || missing+=(postgresql-client)
  # shellcheck source=lib/apt.sh
  source "$root/scripts/lib/apt.sh"
  install_packages "${missing[@]}"
fi

cd "$root/web"
if [ ! -d node_modules ] || [ package.json -nt node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm install --no-audit --no-fund
fi

echo "== web unit tests"
npx ng test --watch=false

echo "== web build"
npx ng build

if [ "${CHECK_CLIENT_DRIFT:-0}" = 1 ]; then
  echo "== generated client drift"
  # Building the API rewrites api/L2R.Api.json and, through NSwag, web/src/app/api/l2r-api.ts.
  dotnet build "$root/api/L2R.Api" -c Release -nologo -v quiet
  if ! git -C "$root" diff --exit-code --stat HEAD -- api/L2R.Api.json web/src/app/api; then
    echo "The API contract changed: commit the regenerated api/L2R.Api.json and web/src/app/api/l2r-api.ts." >&2
    exit 1
  fi
  e2e_build=(E2E_NO_BUILD=1)
else
  e2e_build=()
fi

if [ "${SKIP_E2E:-0}" != 1 ]; then
  echo "== web end-to-end tests"
  # Each file starts its own API on a fresh database, so one file's moves never change another's numbers; the first
  # builds the API unless an earlier step did, the others reuse that build.
  env "${e2e_build[@]}" CHROME_BIN="$chrome" node e2e/run.mjs
  for file in e2e/metrics.mjs e2e/leads-io.mjs e2e/followup.mjs e2e/integrations.mjs e2e/review.mjs e2e/intel.mjs e2e/live.mjs; do
    E2E_NO_BUILD=1 CHROME_BIN="$chrome" node "$file"
  done
fi
