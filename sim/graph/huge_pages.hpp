// Large arrays read at random (the CSR's columns: 400 MB at 10^6 members) asked for on 2 MiB
// pages. With 4 KiB pages nearly every random row read in the event loop also missed the TLB
// (the second-level TLB covers a few MB). Linux transparent huge pages in "madvise" mode (the
// Debian default) only back regions that ask. A hint: results never depend on it.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace linksim::graph {

inline void advise_huge_pages(const void* data, std::size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  constexpr std::uintptr_t kHuge = std::uintptr_t{1} << 21;
  const auto at = reinterpret_cast<std::uintptr_t>(data);
  const std::uintptr_t begin = (at + kHuge - 1) & ~(kHuge - 1), end = (at + bytes) & ~(kHuge - 1);
  if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);  // may fail: then 4 KiB pages
#else
  (void)data;
  (void)bytes;
#endif
}

/// v.resize(n) (new elements value-initialized), with the hint given before a fresh allocation
/// is first touched (after the fact the kernel would only merge pages slowly, in the background).
template <class T>
void resize_on_huge_pages(std::vector<T>& v, std::size_t n) {
  if (v.capacity() < n) {
    std::vector<T> fresh;
    fresh.reserve(n);
    advise_huge_pages(fresh.data(), n * sizeof(T));
    fresh.assign(v.begin(), v.end());
    v.swap(fresh);
  }
  v.resize(n);
}

}  // namespace linksim::graph
