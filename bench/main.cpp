// Google Benchmark entry point for every bench/*.cpp file.
#include <benchmark/benchmark.h>
BENCHMARK_MAIN();
