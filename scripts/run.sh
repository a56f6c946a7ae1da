#!/usr/bin/env bash
# Runs the whole product on this machine: builds the SPA into the API's wwwroot and starts the API on SQLite with
# the demo tenant "acme" at http://localhost:5080 (override with L2R_URLS). Data lives in api/L2R.Api/.data.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
# A local run serves Swagger UI although it runs as Production; set OpenApi__SwaggerUi=false to try without.
export OpenApi__SwaggerUi=${OpenApi__SwaggerUi:-true}
if [[ -x scripts/build-web.sh ]]; then
  ./scripts/build-web.sh
fi
exec dotnet run --project api/L2R.Api -c Release --no-launch-profile --urls "${L2R_URLS:-http://localhost:5080}"
