#!/usr/bin/env bash
# The benchmark (not part of the test command). Installs what a fresh machine lacks (PostgreSQL and Chromium from
# Debian/Ubuntu packages when run as root or with password-less sudo; playwright-core for the browser scenario),
# builds the SPA when scripts/build-web.sh exists, builds the bench, and runs it. The bench starts its own
# PostgreSQL and publishes and starts the API in Release, then prints a table of every figure with its raw
# baseline, ratio and target, and writes artifacts/bench/results.json. Takes about twenty minutes (S5 to S9 seed
# and write 100,000-lead tenants and import a 100,000-row CSV on PostgreSQL and on SQLite).
# Arguments go to the bench: ./scripts/bench.sh --help, --quick, --only s7,s8,s9, --no-sqlite, --s3 ...
# L2R_BENCH_SKIP_WEB=1 skips the SPA build (S4 then measures whatever is in api/L2R.Api/wwwroot).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
# shellcheck source=lib/apt.sh
source "$root/scripts/lib/apt.sh"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
step() { printf '==> %s\n' "$*"; }

s3_only=false
for arg in "$@"; do [[ $arg == --s3 || $arg == --help || $arg == -h ]] && s3_only=true; done

# --- what a fresh machine lacks ---------------------------------------------------------------------------
if ! $s3_only; then
  missing=()
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
  [[ -x ${CHROME_BIN:-/usr/bin/chromium} ]] || missing+=(chromium)
  install_packages "${missing[@]}"

  if [[ ${L2R_BENCH_SKIP_WEB:-} != 1 && -x scripts/build-web.sh ]]; then
    step "building the SPA into the API's wwwroot"
    ./scripts/build-web.sh
  fi

  if command -v npm >/dev/null && [[ ! -d bench/browser/node_modules/playwright-core ]]; then
    step "installing playwright-core for the browser scenario"
    (cd bench/browser && npm install --no-audit --no-fund --loglevel=error)
  fi
fi

# --- build and run -----------------------------------------------------------------------------------------
# Its own artifacts path, so a build of the solution running at the same time is not disturbed.
build=artifacts/bench/build
step "building the bench (Release)"
dotnet build bench/L2R.Bench -c Release --nologo -v quiet --artifacts-path "$build" -warnaserror

step "running the bench"
exec dotnet "$build/bin/L2R.Bench/release/L2R.Bench.dll" "$@"
