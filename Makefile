# Runway: the everyday commands. CMake + Ninja do the work; this file only wraps them.
#
#   make run     install what is missing, build, open the app on a bundled example
#   make test    install what is missing, build, run every test (with Qt, then engine-core without Qt)
#   make bench   install what is missing, build Release, run the benchmarks
#   make deps | build | format | clean | help
#
# Meant for Debian 12, as root (CI) or as a user who already has the packages (`make deps` tells).

SHELL := /bin/bash
.DEFAULT_GOAL := build

JOBS ?= 2
BUILD_DIR := build
CORE_DIR := build-core
RELEASE_DIR := build-release
EXAMPLE := resources/examples/airline-checkin.bpmn
GENERATOR := -G Ninja

# Debian 12 packages for the build (g++, CMake, Ninja, ccache, Qt 6, tinyxml2), the tests
# (xmllint, Xvfb, a font), and for the benchmarks and the tests judged by Camunda's linter (label
# "judge"), Node.js + npm, unless a node >= 18 is already there.
DEB_PACKAGES := build-essential cmake ninja-build ccache pkg-config \
	qt6-base-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools \
	libtinyxml2-dev nlohmann-json3-dev libxml2-utils xvfb xauth fonts-dejavu-core

# $(call ensure-packages,PACKAGES,WITH_NODE): installs whichever of PACKAGES is not installed
# (plus nodejs/npm when WITH_NODE is "node" and no node >= 18 is on PATH). Prints one line and
# does nothing else when everything is there. Without root or apt-get, names what is missing and fails.
define ensure-packages
	@set -euo pipefail; \
	missing=(); \
	for p in $(1); do \
		status=$$(dpkg-query -W -f='$${Status}' "$$p" 2>/dev/null || true); \
		[ "$$status" = "install ok installed" ] || missing+=("$$p"); \
	done; \
	node_note=""; \
	if [ "$(2)" = node ]; then \
		node_major=$$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0); \
		if [ "$$node_major" -ge 18 ] 2>/dev/null; then \
			node_note=", node $$(node --version)"; \
			command -v npm >/dev/null 2>&1 || missing+=(npm); \
		else \
			missing+=(nodejs npm); \
		fi; \
	fi; \
	if [ $${#missing[@]} -eq 0 ]; then \
		echo "deps: nothing to install ($(words $(1)) Debian packages checked$$node_note)"; \
		exit 0; \
	fi; \
	if [ "$$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then \
		echo "deps: missing packages: $${missing[*]}" >&2; \
		echo "deps: install them with:" >&2; \
		echo "  sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $${missing[*]}" >&2; \
		exit 1; \
	fi; \
	echo "deps: installing $${missing[*]}"; \
	export DEBIAN_FRONTEND=noninteractive; \
	apt-get update; \
	apt-get install -y --no-install-recommends "$${missing[@]}"
endef

# Configure and build one tree: $(call cmake-build,DIR,CMAKE_ARGS)
define cmake-build
	cmake -S . -B $(1) $(GENERATOR) $(2)
	cmake --build $(1) -j $(JOBS)
endef

CTEST := ctest --output-on-failure --no-tests=error -j $(JOBS) --test-dir

.PHONY: all deps build run test bench format clean help

all: build

help:
	@sed -n '1,9p' Makefile

deps:
	$(call ensure-packages,$(DEB_PACKAGES),node)

# The normal build: Qt, the app, every test. ccache is picked up by CMakeLists.txt.
build: deps
	$(call cmake-build,$(BUILD_DIR),-DCMAKE_BUILD_TYPE=RelWithDebInfo)

run: build
	@if [ -z "$${DISPLAY:-}" ] && [ -z "$${WAYLAND_DISPLAY:-}" ] && command -v xvfb-run >/dev/null 2>&1; then \
		echo "run: no DISPLAY is set, so Qt will report that it cannot open one; without a screen try: xvfb-run make run"; \
	fi
	./$(BUILD_DIR)/app/gui/runway $(EXAMPLE)

# Both configurations: the full one, then engine-core and the CLI without Qt (RUNWAY_CORE_ONLY),
# which proves that engine-core builds and passes without Qt. Any failing step fails the target.
test: build
	$(CTEST) $(BUILD_DIR)
	$(call cmake-build,$(CORE_DIR),-DCMAKE_BUILD_TYPE=RelWithDebInfo -DRUNWAY_CORE_ONLY=ON)
	$(CTEST) $(CORE_DIR)

# The canvas benchmark draws the same files with bpmn-js in Debian's Chromium (headless).
BENCH_PACKAGES := chromium

bench: deps
	$(call ensure-packages,$(BENCH_PACKAGES))
	$(call cmake-build,$(RELEASE_DIR),-DCMAKE_BUILD_TYPE=Release -DRUNWAY_BUILD_TESTS=OFF)
	BENCH_JOBS=$(JOBS) bash tools/bench/run.sh $(RELEASE_DIR)
	BENCH_JOBS=$(JOBS) bash tools/bench/canvas-bench.sh $(RELEASE_DIR)

# clang-format over the project's own sources: not the build trees, node_modules, or generated code.
format:
	$(call ensure-packages,clang-format)
	@find . \( -path './.git' -o -path './build*' -o -path './.cache' -o -name 'node_modules' \) -prune -o \
		-type f \( -name '*.cpp' -o -name '*.h' \) ! -path './engine-core/src/MetamodelData.cpp' -print0 \
		| xargs -0 -r clang-format -i
	@echo "format: done"

clean:
	rm -rf $(BUILD_DIR) $(CORE_DIR) $(RELEASE_DIR)
