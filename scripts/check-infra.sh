#!/usr/bin/env bash
# Checks the delivery code without touching Azure:
#   - restores the pinned Bicep CLI (infra/tools/BicepCli.csproj) into the NuGet cache if it is missing;
#   - lints every .bicep and .bicepparam file under infra/ (any warning or error fails the check);
#   - builds infra/main.bicep to an ARM template and each infra/env/*.bicepparam to a parameters file;
#   - parses azure-pipelines.yml and the templates under infra/pipelines/ as YAML, checks their templates
#     exist and that every ${{ parameters.x }} a template uses is declared.
# Output: $L2R_INFRA_OUT (default artifacts/infra): main.json and <env>.parameters.json, which the pipeline publishes.
# Needs: dotnet SDK, python3 (PyYAML, else yamllint, else node's npx js-yaml for the YAML parse).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
infra="$root/infra"
out=${L2R_INFRA_OUT:-$root/artifacts/infra}
tools_project="$infra/tools/BicepCli.csproj"
started=$SECONDS
work=$(mktemp -d)
cleanup() {
  local status=$? running
  running=$(jobs -pr)
  # shellcheck disable=SC2086 # one pid per word
  [[ -z $running ]] || kill $running 2>/dev/null || true
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

step() { printf '==> %s\n' "$*"; }
fail() { printf 'check-infra: %s\n' "$*" >&2; exit 1; }

# --- Bicep CLI -------------------------------------------------------------------------------------------
case "$(uname -m)" in
  x86_64 | amd64) rid=linux-x64 ;;
  aarch64 | arm64) rid=linux-arm64 ;;
  *) fail "no Bicep CLI package for $(uname -m)" ;;
esac

bicep_version=$(sed -n 's:.*<BicepVersion>\(.*\)</BicepVersion>.*:\1:p' "$tools_project")
[[ -n $bicep_version ]] || fail "no <BicepVersion> in $tools_project"
bicep_in() { printf '%s/azure.bicep.commandline.%s/%s/tools/bicep' "${1%/}" "$rid" "$bicep_version"; }

# Fast path: the default global packages folder. Otherwise restore, then ask NuGet where it put it.
bicep=$(bicep_in "${NUGET_PACKAGES:-$HOME/.nuget/packages}")
if [[ ! -f $bicep ]]; then
  step "restoring the Bicep CLI $bicep_version ($rid)"
  dotnet restore "$tools_project" -p:BicepRid="$rid" --force --verbosity quiet \
    || fail "could not restore $tools_project"
  package_root=$(dotnet msbuild "$tools_project" -nologo -p:BicepRid="$rid" -getProperty:NuGetPackageRoot)
  bicep=$(bicep_in "$package_root")
  [[ -f $bicep ]] || fail "the Bicep CLI is not where the restore should have put it: $bicep"
fi
if [[ ! -x $bicep ]]; then
  chmod u+x "$bicep" 2>/dev/null || {
    copy=$work/bicep
    cp "$bicep" "$copy" && chmod u+x "$copy" && bicep=$copy
  }
fi
step "Bicep CLI $bicep_version: $bicep"

# Starts bicep in the background (the three runs are independent; each spends most of its ~2.5 s
# starting up). check_bicep later fails on a non-zero exit or on any warning or error printed, linter
# rules and compiler diagnostics alike (infra/bicepconfig.json raises most linter rules to errors already).
pids=()
start_bicep() {
  local id=$1
  shift
  (cd "$infra" && "$bicep" "$@") >"$work/$id.log" 2>&1 &
  pids+=("$!")
}
check_bicep() {
  local id=$1 pid=$2 status=0
  wait "$pid" || status=$?
  if ((status != 0)) || grep -Eq ' : (Warning|Error) ' "$work/$id.log"; then
    cat "$work/$id.log" >&2
    fail "bicep $id reported problems (exit code $status)"
  fi
  cat "$work/$id.log"
}

# --- Bicep: lint, build, build-params -------------------------------------------------------------------
mkdir -p "$out" "$work/params"
step "bicep lint infra/**/*.bicep infra/**/*.bicepparam"
step "bicep build infra/main.bicep -> ${out#"$root"/}/main.json"
step "bicep build-params infra/env/*.bicepparam -> ${out#"$root"/}/<env>.parameters.json"
start_bicep lint lint --pattern '**/*.bicep*'
start_bicep build build main.bicep --outfile "$out/main.json"
start_bicep build-params build-params --pattern 'env/*.bicepparam' --outdir "$work/params"
check_bicep lint "${pids[0]}"
check_bicep build "${pids[1]}"
check_bicep build-params "${pids[2]}"

shopt -s nullglob
param_files=("$infra"/env/*.bicepparam)
((${#param_files[@]} > 0)) || fail "no parameter files in infra/env"
for f in "${param_files[@]}"; do
  name=$(basename "$f" .bicepparam)
  [[ -f $work/params/$name.json ]] || fail "build-params wrote no $name.json"
  mv "$work/params/$name.json" "$out/$name.parameters.json"
done

# --- Pipeline YAML ---------------------------------------------------------------------------------------
yaml_files=("$root/azure-pipelines.yml" "$infra"/pipelines/*.yml)
[[ -f ${yaml_files[0]} ]] || fail "azure-pipelines.yml is missing"

step "YAML: ${yaml_files[*]#"$root"/}"
if python3 -c 'import yaml' 2>/dev/null; then
  python3 - "$root" "${yaml_files[@]}" <<'PY'
import os, re, sys, yaml

root, files = sys.argv[1], sys.argv[2:]
problems = []

def walk(node, path, visit):
    visit(node, path)
    if isinstance(node, dict):
        for key, value in node.items():
            walk(value, f"{path}.{key}", visit)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            walk(value, f"{path}[{i}]", visit)

for file in files:
    rel = os.path.relpath(file, root)
    with open(file, encoding="utf-8") as stream:
        try:
            doc = yaml.safe_load(stream)
        except yaml.YAMLError as error:
            problems.append(f"{rel}: not valid YAML: {error}")
            continue
    if not isinstance(doc, dict):
        problems.append(f"{rel}: expected a mapping at the top")
        continue
    if "stages" not in doc and "jobs" not in doc and "steps" not in doc:
        problems.append(f"{rel}: has no stages, jobs or steps")

    declared = {p.get("name") for p in doc.get("parameters") or [] if isinstance(p, dict)}
    text = open(file, encoding="utf-8").read()
    expressions = " ".join(re.findall(r"\$\{\{(.*?)\}\}", text))
    for used in sorted(set(re.findall(r"\bparameters\.([A-Za-z_][A-Za-z0-9_]*)", expressions))):
        if used not in declared:
            problems.append(f"{rel}: uses parameters.{used} but does not declare it")

    def check_template(node, path):
        if isinstance(node, dict) and isinstance(node.get("template"), str) and "@" not in node["template"]:
            target = os.path.normpath(os.path.join(os.path.dirname(file), node["template"]))
            if not os.path.isfile(target):
                problems.append(f"{rel}{path}: template {node['template']} does not exist")
    walk(doc, "", check_template)

if problems:
    print("\n".join(problems), file=sys.stderr)
    sys.exit(1)
PY
elif command -v yamllint >/dev/null; then
  yamllint -d '{extends: relaxed, rules: {line-length: disable}}' "${yaml_files[@]}"
elif command -v npx >/dev/null; then
  for f in "${yaml_files[@]}"; do npx --yes js-yaml "$f" >/dev/null; done
else
  fail "no YAML parser: install python3-yaml, yamllint or node"
fi

step "infra OK in $((SECONDS - started)) s"
