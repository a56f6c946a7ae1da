#!/usr/bin/env bash
# The one test command (README, .ci/run and the pipeline run exactly this). It installs what a fresh machine lacks
# (PostgreSQL, Chromium, redis-server and nginx from Debian/Ubuntu packages, the local dotnet tools, npm packages), starts a throwaway
# PostgreSQL on 127.0.0.1, then runs every suite: domain and API tests (SQLite and PostgreSQL), migrations and
# OpenAPI/TypeScript-client drift checks, the infrastructure check, and the SPA's unit and browser tests.
#   --long   the proof suites at full size (100 concurrency rounds per provider instead of 20, 3,000 generated bad
#            requests instead of 300, 10,000 moves under kill -9 instead of 400): a separate, longer run
set -euo pipefail

for arg in "$@"; do
  case $arg in
    --long) export L2R_PROOF_ROUNDS=100 L2R_PROOF_LONG=1 ;;
    *) echo "test.sh: unknown argument $arg (only --long)" >&2; exit 2 ;;
  esac
done

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
# shellcheck source=lib/apt.sh
source "$root/scripts/lib/apt.sh"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
started=$SECONDS
step() { printf '\n==> %s (%ss)\n' "$*" "$((SECONDS - started))"; }

# --- what a fresh machine lacks ---------------------------------------------------------------------------
missing=()
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
[[ -x ${L2R_CHROMIUM:-/usr/bin/chromium} ]] || missing+=(chromium)
# The scale-out test runs three API instances behind nginx on one redis-server.
command -v redis-server >/dev/null || missing+=(redis-server)
command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || missing+=(nginx)
install_packages "${missing[@]}"

step "restoring dotnet tools"
dotnet tool restore >/dev/null

# --- a throwaway PostgreSQL ---------------------------------------------------------------------------------
step "starting a throwaway PostgreSQL"
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
pgdata=$(mktemp -d)
pgport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_postgres=()
if [[ $(id -u) -eq 0 ]]; then
  chown postgres:postgres "$pgdata"
  as_postgres=(runuser -u postgres --)
fi
stop_postgres() { "${as_postgres[@]}" "$pgbin/pg_ctl" -D "$pgdata" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$pgdata"; }
trap stop_postgres EXIT
"${as_postgres[@]}" "$pgbin/initdb" -D "$pgdata" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${as_postgres[@]}" "$pgbin/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $pgport -k $pgdata -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
export L2R_TEST_POSTGRES="Host=127.0.0.1;Port=$pgport;Username=postgres;Include Error Detail=true"

# --- build, contract drift, migrations ------------------------------------------------------------------------
step "building (writes the OpenAPI document and the TypeScript client)"
dotnet build L2R.sln -c Release -warnaserror

step "checking the committed OpenAPI document and TypeScript client match the API"
if ! git diff --exit-code --stat HEAD -- api/L2R.Api.json web/src/app/api; then
  echo "The API contract changed: commit the regenerated api/L2R.Api.json and web/src/app/api/." >&2
  exit 1
fi

step "checking migrations are true to the model for every provider"
for context in SqliteL2RDbContext PostgresL2RDbContext SqlServerL2RDbContext; do
  dotnet ef migrations has-pending-model-changes --project api/L2R.Api --context "$context" --configuration Release --no-build
done
mkdir -p artifacts
dotnet ef migrations script --idempotent --project api/L2R.Api --context SqlServerL2RDbContext --configuration Release --no-build -o artifacts/sqlserver-migrate.sql >/dev/null
grep -q 'CREATE TABLE \[Leads\]' artifacts/sqlserver-migrate.sql
# The tenant wall of docs/decisions/0014 (SqlServerRowLevelSecurityScriptTests check it names every tenant table).
grep -q 'CREATE SECURITY POLICY \[rls\]\.\[TenantWall\]' artifacts/sqlserver-migrate.sql

# --- tests -------------------------------------------------------------------------------------------------
# Each suite also writes a .trx file to artifacts/test-results, which the pipeline publishes.
results="$root/artifacts/test-results"
rm -rf "$results"
# The proof suites (isolation sweep, concurrency rounds, bad input, kills) append their figures here; printed at the end.
export L2R_PROOF_FIGURES="$root/artifacts/proof-figures.txt"
rm -f "$L2R_PROOF_FIGURES"
step "domain tests"
dotnet test tests/L2R.Domain.Tests -c Release --no-build --logger "trx;LogFileName=domain.trx" --results-directory "$results"

step "API tests over HTTP on SQLite and PostgreSQL"
dotnet test tests/L2R.Api.Tests -c Release --no-build --logger "trx;LogFileName=api.trx" --results-directory "$results"

step "infrastructure (Bicep build + lint, pipeline YAML)"
./scripts/check-infra.sh

if [[ -x scripts/test-web.sh ]]; then
  step "SPA unit and browser tests"
  ./scripts/test-web.sh
fi

step "proof figures"
cat "$L2R_PROOF_FIGURES"

step "all tests passed"
