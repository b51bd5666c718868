#!/usr/bin/env bash
# ensure.sh DIR
# Installs Camunda's linter and the moddle packages it needs, at pinned versions, into DIR (an npm
# prefix in the build folder), unless they are there already. Prints "yes", or "skipped: REASON"
# (no Node.js or npm, or the install failed, as without access to the npm registry).
# Versions known to work with Node 20 (see ../shared/corpus/README.md).
set -uo pipefail
dir=${1:?usage: ensure.sh DIR}
packages=(
    bpmnlint@11.15.0
    bpmnlint-plugin-camunda-compat@2.61.0
    bpmn-moddle@10.3.1
    zeebe-bpmn-moddle@2.0.0
    camunda-bpmn-moddle@8.0.1
    modeler-moddle@0.2.0
)
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "skipped: Node.js or npm not found (make deps installs them)"
    exit 0
fi
missing=()
for p in "${packages[@]}"; do
    name=${p%@*} version=${p##*@}
    grep -q "\"version\": \"$version\"" "$dir/node_modules/$name/package.json" 2>/dev/null || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    printf 'lint: installing %s into %s\n' "${missing[*]}" "$dir" >&2
    mkdir -p "$dir"
    if ! npm install --no-audit --no-fund --no-save --prefix "$dir" "${packages[@]}" >&2; then
        echo "skipped: npm install of ${missing[*]} failed (no access to the npm registry?)"
        exit 0
    fi
fi
echo yes
