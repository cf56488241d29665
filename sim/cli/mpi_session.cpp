// Open MPI as the experiment library's process group (compiled with MPI when CMake finds it).
#include "mpi_session.hpp"

#include <climits>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "linksim/experiment/process_group.hpp"

#if LINKSIM_MPI
#include <mpi.h>
#endif

namespace linksim::cli {

int launcher_size() {
  // Open MPI's mpirun, then PMIx and PMI-1/2 launchers (Slurm's srun, MPICH's Hydra).
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMIX_SIZE", "PMI_SIZE"}) {
    if (const char* v = std::getenv(name)) {
      const long n = std::strtol(v, nullptr, 10);
      if (n >= 1 && n <= INT_MAX) return static_cast<int>(n);
    }
  }
  return 1;
}

namespace {
bool launched() {
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_RANK", "PMI_SIZE"})
    if (std::getenv(name)) return true;
  return false;
}
}  // namespace

#if LINKSIM_MPI

namespace {

void check(int status, const char* what) {
  if (status != MPI_SUCCESS) throw std::runtime_error(fmt::format("MPI: {} failed (error {})", what, status));
}

class MpiGroup final : public experiment::ProcessGroup {
 public:
  MpiGroup() {
    check(MPI_Comm_rank(MPI_COMM_WORLD, &rank_), "MPI_Comm_rank");
    check(MPI_Comm_size(MPI_COMM_WORLD, &size_), "MPI_Comm_size");
    MPI_Comm node;
    check(MPI_Comm_split_type(MPI_COMM_WORLD, MPI_COMM_TYPE_SHARED, 0, MPI_INFO_NULL, &node), "MPI_Comm_split_type");
    check(MPI_Comm_size(node, &local_), "MPI_Comm_size");
    MPI_Comm_free(&node);
  }
  int rank() const override { return rank_; }
  int size() const override { return size_; }
  int local_size() const override { return local_; }

  std::vector<std::string> all_gather(const std::string& mine) override {
    const auto n = static_cast<std::size_t>(size_);
    unsigned long long length = mine.size();
    std::vector<unsigned long long> lengths(n);
    check(MPI_Allgather(&length, 1, MPI_UNSIGNED_LONG_LONG, lengths.data(), 1, MPI_UNSIGNED_LONG_LONG, MPI_COMM_WORLD),
          "MPI_Allgather");
    // MPI counts are ints: one exchange carries at most INT_MAX bytes in all.
    std::vector<int> counts(n), offsets(n);
    unsigned long long total = 0;
    for (std::size_t r = 0; r < n; ++r) {
      offsets[r] = static_cast<int>(total);
      total += lengths[r];
      if (total > static_cast<unsigned long long>(INT_MAX))
        throw std::runtime_error(fmt::format("MPI: the processes' results add up to more than {} bytes; use fewer "
                                             "replications per run or linksim run --shard and merge", INT_MAX));
      counts[r] = static_cast<int>(lengths[r]);
    }
    std::string all(static_cast<std::size_t>(total), '\0');
    check(MPI_Allgatherv(mine.data(), static_cast<int>(mine.size()), MPI_CHAR, all.data(), counts.data(), offsets.data(),
                         MPI_CHAR, MPI_COMM_WORLD),
          "MPI_Allgatherv");
    std::vector<std::string> out(n);
    for (std::size_t r = 0; r < n; ++r)
      out[r] = all.substr(static_cast<std::size_t>(offsets[r]), static_cast<std::size_t>(counts[r]));
    return out;
  }

 private:
  int rank_ = 0, size_ = 1, local_ = 1;
};

MpiGroup* g_group = nullptr;

}  // namespace

MpiSession::MpiSession(int& argc, char**& argv) {
  if (!launched()) return;
  int provided = 0;
  // Only the main thread calls MPI (the worker threads never do).
  if (MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided) != MPI_SUCCESS) {
    problem_ = "MPI_Init_thread failed";
    return;
  }
  active_ = true;
  g_group = new MpiGroup();
  experiment::set_process_group(g_group);
}

MpiSession::~MpiSession() {
  if (!active_) return;
  experiment::set_process_group(nullptr);
  delete g_group;
  g_group = nullptr;
  MPI_Finalize();
}

void MpiSession::abort(int code) {
  if (active_) MPI_Abort(MPI_COMM_WORLD, code);
  std::exit(code);
}

#else  // built without MPI

MpiSession::MpiSession(int&, char**&) {
  if (launched() && launcher_size() > 1)
    problem_ = fmt::format("started by an MPI launcher with {} processes, but this linksim was built without MPI "
                           "(install libopenmpi-dev and rebuild: make build), so each process would do all the work",
                           launcher_size());
}

MpiSession::~MpiSession() = default;

void MpiSession::abort(int code) { std::exit(code); }

#endif

}  // namespace linksim::cli
