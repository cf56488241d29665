# linksim — the two commands are `make demo` and `make test`.
# Both install missing Debian packages first, then configure, build and run.

BUILD      ?= build
ASAN_BUILD ?= build-asan
TSAN_BUILD ?= build-tsan
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?=
FUZZ_RUNS ?=
FUZZ_HARNESSES ?= scenario merge_patch set vary run_output
# Catch2 test spec for test-tsan: the tests that run code on several threads. Left out: the
# library-scenario runs (full-size worlds, minutes each under TSan; their threading is that of the
# determinism test's runs) and the single-threaded graph queries (one took 206 s under TSan).
TSAN_TESTS ?= [shards],[cli]~[scenarios],[sweep],*any thread count,*whatever the thread count; other seeds differ,triangle counts do not depend on the thread count,arms on one world share second-degree pools through a PoolCache*
JOBS       ?= $(shell nproc)
CMAKE_FLAGS ?=
DEB_PACKAGES := build-essential cmake ninja-build libboost-graph-dev libpcg-cpp-dev \
  nlohmann-json3-dev libbenchmark-dev catch2 libcli11-dev libfmt-dev libigraph-dev \
  python3 python3-networkx python3-numpy chromium \
  python3-dev pybind11-dev python3-pandas \
  openmpi-bin libopenmpi-dev slurm-wlm
# `make fuzz` only: clang and its libFuzzer runtime.
FUZZ_DEB_PACKAGES := clang libclang-rt-dev
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps deps-fuzz build test test-long test-asan test-tsan fuzz demo bench clean npm-tools

# Installs only what is missing (the packages in $(1)), so a second run costs a dpkg query.
define install_missing
	@missing=$$(for p in $(1); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:" $$missing; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi
endef

deps-fuzz: deps
	$(call install_missing,$(FUZZ_DEB_PACKAGES))

deps:
	$(call install_missing,$(DEB_PACKAGES))
	@# Node.js may come from outside Debian on some machines; only install Debian's when there is none.
	@command -v npm >/dev/null || ($(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm)

# Outside validators used by the tests (ajv-cli for the JSON Schema), pinned in tools/package-lock.json.
npm-tools: deps
	@[ -x tools/node_modules/.bin/ajv ] || (cd tools && npm ci --no-audit --no-fund --loglevel=error)

$(BUILD)/build.ninja:
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS)

build: deps $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS)

test: build npm-tools
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# The tests that take over 30 s (Catch2 tag [.long], hidden from ctest so that `make test` stays
# quick; each asserts a library scenario's answer on full-size runs). CI runs them after `make test`.
test-long: build
	$(BUILD)/linksim_tests "[long]" --durations yes

# The same suite under AddressSanitizer + UndefinedBehaviorSanitizer (CI runs this after `make test`).
test-asan: deps npm-tools
	@# -O1: sanitizers' recommended level (asserts stay on); -O0 made the simulation tests 3-5x slower.
	@# -g1: line tables only, enough for the sanitizers' stack traces (file:line), at less compile and link time than -g.
	@# GCC 12 at -O1 with -fsanitize reports -Wmaybe-uninitialized inside libstdc++'s <regex> (pulled in
	@# by Catch2), a known false positive (GCC bug 105562); the Release build keeps the warning as an error.
	cmake -S . -B $(ASAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug \
	  -DCMAKE_CXX_FLAGS_DEBUG="-g1 -O1 -Wno-maybe-uninitialized" -DLINKSIM_SANITIZE=ON \
	  -DLINKSIM_WERROR=ON -DLINKSIM_BUILD_BENCH=OFF $(CMAKE_FLAGS)
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	cd $(ASAN_BUILD) && LINKSIM_SLOW_TESTS=0 ctest --output-on-failure -j $(JOBS)

# The threaded tests (shards, runner with its world and pool caches, sweep, parallel graph
# construction) under ThreadSanitizer; only they and the library are compiled (CI runs this).
test-tsan: deps
	cmake -S . -B $(TSAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug \
	  -DCMAKE_CXX_FLAGS_DEBUG="-g1 -O1 -Wno-maybe-uninitialized" -DLINKSIM_TSAN=ON \
	  -DLINKSIM_WERROR=ON -DLINKSIM_BUILD_TESTS=OFF -DLINKSIM_BUILD_BENCH=OFF -DLINKSIM_PYTHON=OFF $(CMAKE_FLAGS)
	cmake --build $(TSAN_BUILD) -j $(JOBS) --target linksim_tsan_tests
	cd $(TSAN_BUILD) && TSAN_OPTIONS="halt_on_error=1 abort_on_error=0 exitcode=66 second_deadlock_stack=1" \
	  LINKSIM_SLOW_TESTS=0 ./linksim_tsan_tests '$(TSAN_TESTS)' --durations yes

# libFuzzer harnesses (fuzz/, clang) over the input layer, FUZZ_SECONDS each (60 unless FUZZ_RUNS,
# a number of executions, is given); docs/fuzzing.md.
# They link the Release build's library, so only the linksim target of $(BUILD) is built here.
fuzz: deps-fuzz $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS) --target linksim
	cmake -S fuzz -B $(FUZZ_BUILD) -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE= \
	  -DLINKSIM_BUILD_DIR=$(abspath $(BUILD))
	cmake --build $(FUZZ_BUILD) -j $(JOBS)
	FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_RUNS=$(FUZZ_RUNS) fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_HARNESSES)

# Builds only the command-line program (not the tests and benchmarks `make test` builds).
demo: deps $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS) --target linksim_cli
	$(BUILD)/linksim run --out out
	@echo "wrote out/results.json, out/daily.csv and out/report.html"

bench: build
	$(BUILD)/linksim_bench --benchmark_counters_tabular=true

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(TSAN_BUILD) $(FUZZ_BUILD) out
