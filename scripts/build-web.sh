#!/usr/bin/env bash
# Builds the Angular SPA into the API's static files (api/L2R.Api/wwwroot), so the API serves it at /.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root/web"

# npm install, not npm ci: the registry lacks some other-platform optional packages that the lock file names.
if [ ! -d node_modules ] || [ package.json -nt node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm install --no-audit --no-fund
fi
NG_CLI_ANALYTICS=false npx ng build
echo "SPA built into api/L2R.Api/wwwroot"
