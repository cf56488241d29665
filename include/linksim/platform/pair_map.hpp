// A flat open-addressing hash map from a (sender, member) pair to a time: one array, linear
// probing, backward-shift deletion, growth by doubling. Per-pair rules (re-invite cooldown, one
// InMail per person) use it instead of node-based maps, so there is no allocation per entry.
#pragma once
#include <cstdint>
#include <vector>

#include "linksim/core/rng.hpp"
#include "linksim/core/time.hpp"
#include "linksim/platform/action.hpp"

namespace linksim::platform {

class PairMap final {
 public:
  static constexpr std::uint64_t key(SenderId s, MemberId m) { return (std::uint64_t{s} << 32) | m; }

  PairMap() : slots_(16, Slot{kEmpty, 0}) {}

  const core::Time* find(std::uint64_t k) const {
    for (std::size_t i = home(k);; i = (i + 1) & mask()) {
      if (slots_[i].key == k) return &slots_[i].value;
      if (slots_[i].key == kEmpty) return nullptr;
    }
  }
  void set(std::uint64_t k, core::Time value) {
    if ((size_ + 1) * 4 > slots_.size() * 3) grow();
    for (std::size_t i = home(k);; i = (i + 1) & mask()) {
      if (slots_[i].key == k) {
        slots_[i].value = value;
        return;
      }
      if (slots_[i].key == kEmpty) {
        slots_[i] = Slot{k, value};
        ++size_;
        return;
      }
    }
  }
  bool erase(std::uint64_t k) {
    std::size_t i = home(k);
    for (;; i = (i + 1) & mask()) {
      if (slots_[i].key == kEmpty) return false;
      if (slots_[i].key == k) break;
    }
    // Backward shift: pull later members of the probe run into the hole so lookups stay correct.
    for (std::size_t j = (i + 1) & mask();; j = (j + 1) & mask()) {
      if (slots_[j].key == kEmpty) break;
      const std::size_t h = home(slots_[j].key);
      const bool movable = i <= j ? (h <= i || h > j) : (h <= i && h > j);
      if (movable) {
        slots_[i] = slots_[j];
        i = j;
      }
    }
    slots_[i] = Slot{kEmpty, 0};
    --size_;
    return true;
  }
  /// Drops every entry whose value is <= t (expired cooldowns).
  void erase_until(core::Time t) {
    std::vector<Slot> old;
    old.swap(slots_);
    slots_.assign(old.size(), Slot{kEmpty, 0});
    size_ = 0;
    for (const Slot& s : old)
      if (s.key != kEmpty && s.value > t) set(s.key, s.value);
  }
  std::size_t size() const { return size_; }
  std::size_t capacity() const { return slots_.size(); }

 private:
  static constexpr std::uint64_t kEmpty = ~std::uint64_t{0};
  struct Slot {
    std::uint64_t key;
    core::Time value;
  };
  std::size_t mask() const { return slots_.size() - 1; }
  std::size_t home(std::uint64_t k) const { return static_cast<std::size_t>(core::mix64(k)) & mask(); }
  void grow() {
    std::vector<Slot> old;
    old.swap(slots_);
    slots_.assign(old.size() * 2, Slot{kEmpty, 0});
    size_ = 0;
    for (const Slot& s : old)
      if (s.key != kEmpty) set(s.key, s.value);
  }

  std::vector<Slot> slots_;
  std::size_t size_ = 0;
};

}  // namespace linksim::platform
