// A compact, trivially copyable event record: what happens, when, and to whom.
#pragma once
#include <cstdint>
#include <type_traits>

#include "linksim/core/time.hpp"

namespace linksim::core {

/// Events carry no callables: the model dispatches on `kind` and reads the ids.
/// Ordered by (time, seq) so that events at the same second run in insertion order.
struct Event {
  Time time = 0;
  std::uint64_t seq = 0;     ///< insertion sequence, the FIFO tie-breaker
  std::uint32_t kind = 0;    ///< model-defined event kind
  std::uint32_t a = 0;       ///< model-defined id (sender, member, …)
  std::uint32_t b = 0;       ///< model-defined id
  std::uint32_t slot = 0;    ///< cancellation slot; 0 = not cancellable
  std::uint32_t gen = 0;     ///< the slot's generation when scheduled
  std::uint32_t c = 0;       ///< model-defined payload
};
static_assert(std::is_trivially_copyable_v<Event>);
static_assert(sizeof(Event) == 40);

constexpr bool before(const Event& x, const Event& y) {
  return x.time < y.time || (x.time == y.time && x.seq < y.seq);
}

}  // namespace linksim::core
