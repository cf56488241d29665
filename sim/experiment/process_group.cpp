// The default process group (one process) and the helpers that split and carry work.
#include "linksim/experiment/process_group.hpp"

#include <algorithm>
#include <cstring>
#include <stdexcept>
#include <thread>

namespace linksim::experiment {

namespace {
class SingleProcess final : public ProcessGroup {
 public:
  int rank() const override { return 0; }
  int size() const override { return 1; }
  int local_size() const override { return 1; }
  std::vector<std::string> all_gather(const std::string& mine) override { return {mine}; }
};

SingleProcess g_single;
ProcessGroup* g_group = &g_single;
}  // namespace

ProcessGroup& process_group() { return *g_group; }

void set_process_group(ProcessGroup* group) { g_group = group ? group : &g_single; }

unsigned default_threads() {
  const unsigned hardware = std::max(1u, std::thread::hardware_concurrency());
  const auto local = static_cast<unsigned>(std::max(1, g_group->local_size()));
  return std::max(1u, hardware / local);
}

Block block_of(std::size_t n, int rank, int size) {
  if (size < 1 || rank < 0 || rank >= size) throw std::invalid_argument("block_of: rank outside the group");
  const auto s = static_cast<std::size_t>(size), r = static_cast<std::size_t>(rank);
  const std::size_t base = n / s, extra = n % s;
  const std::size_t first = r * base + std::min(r, extra);
  return {first, first + base + (r < extra ? 1 : 0)};
}

std::string pack_doubles(std::span<const double> values) {
  std::string bytes(values.size() * sizeof(double), '\0');
  if (!values.empty()) std::memcpy(bytes.data(), values.data(), bytes.size());
  return bytes;
}

std::vector<double> unpack_doubles(const std::string& bytes) {
  if (bytes.size() % sizeof(double) != 0) throw std::runtime_error("unpack_doubles: a byte count that is not a whole number of doubles");
  std::vector<double> values(bytes.size() / sizeof(double));
  if (!values.empty()) std::memcpy(values.data(), bytes.data(), bytes.size());
  return values;
}

}  // namespace linksim::experiment
