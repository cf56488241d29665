# linksim — the two commands are `make demo` and `make test`.
# Both install missing Debian packages first, then configure, build and run.

BUILD      ?= build
ASAN_BUILD ?= build-asan
JOBS       ?= $(shell nproc)
CMAKE_FLAGS ?=
DEB_PACKAGES := build-essential cmake ninja-build libboost-graph-dev libpcg-cpp-dev \
  nlohmann-json3-dev libbenchmark-dev catch2 libcli11-dev libfmt-dev libigraph-dev \
  python3 python3-networkx python3-numpy chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build test test-asan demo bench clean npm-tools

# Installs only what is missing, so a second run costs a dpkg query.
deps:
	@missing=$$(for p in $(DEB_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:" $$missing; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi
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

# The same suite under AddressSanitizer + UndefinedBehaviorSanitizer (CI runs this after `make test`).
test-asan: deps npm-tools
	@# -O1: sanitizers' recommended level (asserts stay on); -O0 made the simulation tests 3-5x slower.
	@# GCC 12 at -O1 with -fsanitize reports -Wmaybe-uninitialized inside libstdc++'s <regex> (pulled in
	@# by Catch2), a known false positive (GCC bug 105562); the Release build keeps the warning as an error.
	cmake -S . -B $(ASAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug \
	  -DCMAKE_CXX_FLAGS_DEBUG="-g -O1 -Wno-maybe-uninitialized" -DLINKSIM_SANITIZE=ON \
	  -DLINKSIM_WERROR=ON -DLINKSIM_BUILD_BENCH=OFF $(CMAKE_FLAGS)
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	cd $(ASAN_BUILD) && LINKSIM_SLOW_TESTS=0 ctest --output-on-failure -j $(JOBS)

demo: build
	$(BUILD)/linksim run --out out
	@echo "wrote out/results.json, out/daily.csv and out/report.html"

bench: build
	$(BUILD)/linksim_bench --benchmark_counters_tabular=true

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) out
