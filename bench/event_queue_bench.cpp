// Hold model: pop the next event, run a trivial handler, push one event at now + Exp(mean).
// The engine (core::Simulation) is measured against a plain 4-ary heap of the same records,
// in the same binary and run, so the ratio is meaningful on any machine.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <utility>
#include <vector>

#include "linksim/core/rng.hpp"
#include "linksim/core/simulation.hpp"

namespace {

using linksim::core::Event;
using linksim::core::Rng;
using linksim::core::Time;

// Mean inter-event gap in ticks. Times are integer seconds; a large mean keeps ties rare so the
// hold model behaves like its continuous-time textbook form.
constexpr double kMeanGap = 1.0e6;

// Precomputed gaps so that both loops pay nothing for random numbers inside the timed region
// beyond an array read.
std::vector<Time> make_gaps(std::size_t n) {
  Rng rng = linksim::core::make_rng(42, 0, linksim::core::Purpose::kTest);
  std::vector<Time> gaps(n);
  for (auto& g : gaps) g = static_cast<Time>(linksim::core::exponential(rng, kMeanGap)) + 1;
  return gaps;
}

// Baseline: a textbook 4-ary heap with swap-based sifting, no cancellation, no clock.
class PlainHeap {
 public:
  void push(const Event& e) {
    v_.push_back(e);
    std::size_t i = v_.size() - 1;
    while (i > 0 && less(v_[i], v_[(i - 1) / 4])) {
      std::swap(v_[i], v_[(i - 1) / 4]);
      i = (i - 1) / 4;
    }
  }
  Event pop() {
    Event top = v_[0];
    v_[0] = v_.back();
    v_.pop_back();
    std::size_t i = 0;
    for (;;) {
      std::size_t best = i;
      for (std::size_t c = 4 * i + 1; c <= 4 * i + 4 && c < v_.size(); ++c)
        if (less(v_[c], v_[best])) best = c;
      if (best == i) break;
      std::swap(v_[i], v_[best]);
      i = best;
    }
    return top;
  }

 private:
  static bool less(const Event& x, const Event& y) {
    return x.time < y.time || (x.time == y.time && x.seq < y.seq);
  }
  std::vector<Event> v_;
};

void BM_HoldEngine(benchmark::State& state) {
  const auto pending = static_cast<std::size_t>(state.range(0));
  const auto gaps = make_gaps(1 << 16);
  linksim::core::Simulation sim;
  sim.reserve(pending + 1);
  std::size_t g = 0;
  for (std::size_t i = 0; i < pending; ++i) sim.schedule(gaps[g++ & 0xFFFF], 1, static_cast<std::uint32_t>(i));
  std::uint64_t sink = 0;
  for (auto _ : state) {
    sim.step([&](const Event& e) {
      sink += e.a;
      sim.schedule(e.time + gaps[g++ & 0xFFFF], e.kind, e.a);
    });
  }
  benchmark::DoNotOptimize(sink);
  state.counters["events/s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

void BM_HoldPlainHeap(benchmark::State& state) {
  const auto pending = static_cast<std::size_t>(state.range(0));
  const auto gaps = make_gaps(1 << 16);
  PlainHeap heap;
  std::uint64_t seq = 0;
  std::size_t g = 0;
  for (std::size_t i = 0; i < pending; ++i) {
    Event e{};
    e.time = gaps[g++ & 0xFFFF];
    e.seq = seq++;
    e.kind = 1;
    e.a = static_cast<std::uint32_t>(i);
    heap.push(e);
  }
  std::uint64_t sink = 0;
  for (auto _ : state) {
    Event e = heap.pop();
    sink += e.a;
    e.time += gaps[g++ & 0xFFFF];
    e.seq = seq++;
    heap.push(e);
  }
  benchmark::DoNotOptimize(sink);
  state.counters["events/s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

}  // namespace

BENCHMARK(BM_HoldEngine)->Arg(100)->Arg(10'000)->Arg(1'000'000);
BENCHMARK(BM_HoldPlainHeap)->Arg(100)->Arg(10'000)->Arg(1'000'000);
