// The discrete-event engine: a clock, an event queue, cancellation slots and recurring ticks.
#pragma once
#include <cstdint>
#include <stdexcept>
#include <utility>
#include <vector>

#include "linksim/core/event_queue.hpp"

namespace linksim::core {

/// A cancellation slot: cancelling it drops every event scheduled in it so far (lazy deletion
/// by generation counter, O(1), no search in the heap).
struct Slot {
  std::uint32_t id = 0;
};

/// Identifies one scheduled event in a slot, so that it alone can be cancelled.
struct EventHandle {
  std::uint32_t slot = 0;
  std::uint32_t gen = 0;
};

class Simulation {
 public:
  /// Called with every event just before it is dispatched (tracing, debugging).
  using TraceHook = void (*)(void* ctx, const Event&);
  static constexpr std::uint32_t kRecurringKind = 0xFFFFFFFFu;

  Simulation() { gens_.push_back(0); }

  Time now() const { return now_; }
  std::size_t pending() const { return queue_.size(); }
  std::uint64_t processed() const { return processed_; }
  std::uint64_t skipped() const { return skipped_; }
  void reserve(std::size_t n) { queue_.reserve(n); }

  /// Schedules a non-cancellable event. Throws std::logic_error for a time in the past.
  void schedule(Time at, std::uint32_t kind, std::uint32_t a = 0, std::uint32_t b = 0,
                std::uint32_t c = 0) {
    push(at, kind, a, b, c, 0, 0);
  }
  void schedule_in(Time delay, std::uint32_t kind, std::uint32_t a = 0, std::uint32_t b = 0,
                   std::uint32_t c = 0) {
    push(now_ + delay, kind, a, b, c, 0, 0);
  }

  Slot new_slot() {
    gens_.push_back(0);
    return Slot{static_cast<std::uint32_t>(gens_.size() - 1)};
  }
  /// Schedules an event that `cancel(slot)` or `cancel(handle)` can drop.
  EventHandle schedule(Slot slot, Time at, std::uint32_t kind, std::uint32_t a = 0,
                       std::uint32_t b = 0, std::uint32_t c = 0) {
    const std::uint32_t gen = gens_.at(slot.id);
    push(at, kind, a, b, c, slot.id, gen);
    return EventHandle{slot.id, gen};
  }
  /// Drops every event currently scheduled in the slot.
  void cancel(Slot slot) { ++gens_.at(slot.id); }
  /// Drops the events of the slot scheduled at the handle's generation; a no-op if the slot was
  /// cancelled since (so a stale handle never cancels a newer event).
  void cancel(EventHandle h) {
    if (h.slot != 0 && gens_.at(h.slot) == h.gen) ++gens_[h.slot];
  }
  bool is_live(const Event& e) const { return e.slot == 0 || gens_[e.slot] == e.gen; }

  /// A recurring process: `kind` fires at `first`, `first + period`, … until the run ends.
  /// Use kDay, kWeek or kMonth for daily, weekly and monthly ticks.
  void every(Time first, Time period, std::uint32_t kind, std::uint32_t a = 0,
             std::uint32_t b = 0) {
    if (period <= 0) throw std::invalid_argument("every: period must be > 0 seconds");
    recurring_.push_back(Recurring{period, kind, a, b});
    push(first, kRecurringKind, static_cast<std::uint32_t>(recurring_.size() - 1), 0, 0, 0, 0);
  }

  void set_trace(TraceHook hook, void* ctx) {
    trace_ = hook;
    trace_ctx_ = ctx;
  }

  /// Dispatches the next live event to `handler(const Event&)`. Returns false when none is left.
  template <class Handler>
  bool step(Handler&& handler) {
    while (!queue_.empty()) {
      Event e = queue_.pop();
      if (!is_live(e)) {
        ++skipped_;
        continue;
      }
      dispatch(e, handler);
      return true;
    }
    return false;
  }

  /// Runs every live event with time <= end, then sets the clock to `end` (if it is later).
  /// Returns the number of events dispatched.
  template <class Handler>
  std::uint64_t run_until(Time end, Handler&& handler) {
    const std::uint64_t before_count = processed_;
    while (!queue_.empty() && queue_.top().time <= end) {
      Event e = queue_.pop();
      if (!is_live(e)) {
        ++skipped_;
        continue;
      }
      dispatch(e, handler);
    }
    if (end > now_) now_ = end;
    return processed_ - before_count;
  }

 private:
  struct Recurring {
    Time period;
    std::uint32_t kind, a, b;
  };

  void push(Time at, std::uint32_t kind, std::uint32_t a, std::uint32_t b, std::uint32_t c,
            std::uint32_t slot, std::uint32_t gen) {
    if (at < now_) throw std::logic_error("schedule: event time is before now()");
    queue_.push(Event{at, seq_++, kind, a, b, slot, gen, c});
  }

  template <class Handler>
  void dispatch(Event& e, Handler& handler) {
    now_ = e.time;
    ++processed_;
    if (e.kind == kRecurringKind) {
      const Recurring r = recurring_[e.a];
      push(e.time + r.period, kRecurringKind, e.a, 0, 0, 0, 0);
      e = Event{e.time, e.seq, r.kind, r.a, r.b, 0, 0, 0};
    }
    if (trace_ != nullptr) trace_(trace_ctx_, e);
    handler(static_cast<const Event&>(e));
  }

  EventQueue queue_;
  Time now_ = 0;
  std::uint64_t seq_ = 0;
  std::uint64_t processed_ = 0;
  std::uint64_t skipped_ = 0;
  std::vector<std::uint32_t> gens_;
  std::vector<Recurring> recurring_;
  TraceHook trace_ = nullptr;
  void* trace_ctx_ = nullptr;
};

}  // namespace linksim::core
