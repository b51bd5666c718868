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

# ensure_release_build ROOT BUILD_DIR JOBS TARGET
# Configures a Release build in BUILD_DIR when it has none (warning when an existing one is not
# Release, as its figures are not comparable), then builds TARGET.
ensure_release_build() {
    local root=$1 build=$2 jobs=$3 target=$4
    if [ ! -f "$build/CMakeCache.txt" ]; then
        local generator=()
        command -v ninja >/dev/null 2>&1 && generator=(-G Ninja)
        say "configuring a Release build in $build"
        cmake -S "$root" -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release >&2
    fi
    local build_type
    build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$build/CMakeCache.txt")
    if [ "$build_type" != "Release" ]; then
        say "warning: $build is a '${build_type:-default}' build, not Release; the figures are not comparable"
    fi
    cmake --build "$build" --target "$target" -j "$jobs" >&2
}
