# Shell functions shared by the benchmark scripts (sourced, not run).

# ensure_npm_peer BUILD_DIR PACKAGE VERSION
# Installs PACKAGE@VERSION into BUILD_DIR/npm unless that exact version is there. Prints "yes", or
# the reason the peer has to be skipped (no Node.js or npm, or the install failed).
ensure_npm_peer() {
    local build=$1 name=$2 version=$3
    if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
        echo "skipped: Node.js or npm not found"
        return
    fi
    local pkg="$build/npm/node_modules/$name/package.json"
    if ! grep -q "\"version\": \"$version\"" "$pkg" 2>/dev/null; then
        printf 'bench: installing %s@%s into %s/npm\n' "$name" "$version" "$build" >&2
        mkdir -p "$build/npm"
        if ! npm install --no-audit --no-fund --prefix "$build/npm" "$name@$version" >&2; then
            echo "skipped: npm install $name@$version failed (no access to the npm registry?)"
            return
        fi
    fi
    echo yes
}
