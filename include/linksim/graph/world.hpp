// The world every strategy acts in: members with their attributes and the connection graph.
#pragma once
#include <cstdint>
#include <span>

#include "linksim/graph/csr.hpp"
#include "linksim/graph/members.hpp"
#include "linksim/graph/params.hpp"

namespace linksim::graph {

class World final {
 public:
  World(Members members, Csr graph);

  std::uint32_t num_members() const { return members_.size(); }
  /// Undirected edges (each stored as two arcs).
  std::uint64_t num_edges() const { return graph_.m_forward.m_column.size() / 2; }
  /// The graph in compressed sparse row form: v's connections are
  /// targets()[row_offsets()[v] .. row_offsets()[v + 1]), ascending by id; num_members() + 1
  /// offsets, two arcs per undirected edge.
  std::span<const std::uint32_t> row_offsets() const { return graph_.m_forward.m_rowstart; }
  std::span<const std::uint32_t> targets() const { return graph_.m_forward.m_column; }
  /// v's connections, ascending by id.
  std::span<const std::uint32_t> neighbours(std::uint32_t v) const {
    const auto& start = graph_.m_forward.m_rowstart;
    return {graph_.m_forward.m_column.data() + start[v], start[v + 1] - start[v]};
  }
  std::uint32_t degree(std::uint32_t v) const {
    return graph_.m_forward.m_rowstart[v + 1] - graph_.m_forward.m_rowstart[v];
  }
  /// True if u and v are connected (binary search in the shorter row, O(log degree)).
  bool connected(std::uint32_t u, std::uint32_t v) const;

  std::uint16_t industry(std::uint32_t v) const { return members_.industry[v]; }
  /// Starts loading what an invitation to v reads (row bounds and attributes). At 10^6 members
  /// each is a cache miss; the platform's checks run while they arrive. No effect on results.
  /// Always inlined: GCC 12 judged an out-of-line function whose only effect is a prefetch to
  /// have no effect at all and dropped every call (the binary held no prefetch instruction).
  [[gnu::always_inline]] void prefetch_member(std::uint32_t v) const {
    prefetch_row_bounds(v);
    __builtin_prefetch(&members_.region[v]);
    __builtin_prefetch(&members_.industry[v]);
    __builtin_prefetch(&members_.seniority[v]);
    __builtin_prefetch(&members_.activity[v]);
    __builtin_prefetch(&members_.accept_propensity[v]);
    __builtin_prefetch(&members_.report_propensity[v]);
  }
  /// Starts loading where v's row starts and ends.
  [[gnu::always_inline]] void prefetch_row_bounds(std::uint32_t v) const { __builtin_prefetch(&graph_.m_forward.m_rowstart[v]); }
  /// Starts loading v's row (up to 8 cache lines).
  [[gnu::always_inline]] void prefetch_row(std::uint32_t v) const {
    const auto row = neighbours(v);
    for (std::size_t i = 0; i < row.size() && i < 128; i += 16) __builtin_prefetch(row.data() + i);
  }
  std::uint16_t region(std::uint32_t v) const { return members_.region[v]; }
  Seniority seniority(std::uint32_t v) const { return members_.seniority[v]; }
  std::uint8_t company_size(std::uint32_t v) const { return members_.company_size[v]; }
  double activity(std::uint32_t v) const { return members_.activity[v]; }
  double accept_propensity(std::uint32_t v) const { return members_.accept_propensity[v]; }
  /// True if v's profile advertises open networking (LION): the top tail of accept propensity
  /// (traits.open_networker_share; Members::open_networker_above).
  bool open_networker(std::uint32_t v) const { return members_.accept_propensity[v] > members_.open_networker_above; }
  double report_propensity(std::uint32_t v) const { return members_.report_propensity[v]; }
  double content_affinity(std::uint32_t v) const { return members_.content_affinity[v]; }
  double profile_strength(std::uint32_t v) const { return members_.profile_strength[v]; }
  bool creator(std::uint32_t v) const { return members_.creator[v] != 0; }
  EmailClass email(std::uint32_t v) const { return members_.email[v]; }

  const Members& members() const { return members_; }
  /// Bytes held by the graph and the attributes (capacity, not just size).
  std::size_t memory_bytes() const;
  /// Bytes held by the graph's arcs (capacity of targets(), not just size).
  std::size_t arc_bytes() const { return graph_.m_forward.m_column.capacity() * sizeof(std::uint32_t); }

 private:
  Members members_;
  Csr graph_;
};

/// Draws members, target degrees and edges, and builds the CSR. Deterministic for
/// (params, seed, replication) whatever `threads` is (0 = all hardware threads).
/// Throws InputError if the parameters fail check_graph_params.
World generate_world(const GraphParams& params, std::uint64_t seed, std::uint32_t replication,
                     unsigned threads = 0);

}  // namespace linksim::graph
