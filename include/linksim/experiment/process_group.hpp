// The processes a command's work is spread over (MPI ranks under `mpirun`; one process otherwise).
// The library only splits work and combines results through this interface; the transport is
// installed by the program (the CLI's Open MPI backend, sim/cli/mpi_group.cpp), so the library,
// its tests and benchmarks never link MPI. Every call is collective: each process of the group
// makes the same calls in the same order, from one thread.
#pragma once
#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace linksim::experiment {

class ProcessGroup {
 public:
  virtual ~ProcessGroup() = default;
  virtual int rank() const = 0;   ///< 0 … size() − 1; rank 0 writes the outputs
  virtual int size() const = 0;
  /// Processes of the group on this machine (they share its cores).
  virtual int local_size() const = 0;
  /// Every process's `mine`, indexed by rank, on every process.
  virtual std::vector<std::string> all_gather(const std::string& mine) = 0;

  /// Marks the start of the distributed work. Before it, every process has read the same input
  /// and fails alike (an input error ends each one cleanly); after it, a failure in one process
  /// must stop the others, which may be waiting for it.
  void start_work() { working_ = true; }
  bool working() const { return working_; }

 private:
  bool working_ = false;
};

/// The installed group; a group of one process when none is installed.
ProcessGroup& process_group();
/// Installs `group` (not owned; nullptr restores the single process). Call before any work.
void set_process_group(ProcessGroup* group);

/// Worker threads when the user gives none: the machine's hardware threads shared among the
/// group's processes on this machine (at least 1).
unsigned default_threads();

/// The contiguous block [first, last) of `n` items that `rank` of `size` takes: blocks differ in
/// size by at most one, lower ranks take the larger.
struct Block {
  std::size_t first = 0, last = 0;
};
Block block_of(std::size_t n, int rank, int size);

/// Doubles as bytes and back, exactly (the bit patterns travel, NaN payloads included).
std::string pack_doubles(std::span<const double> values);
std::vector<double> unpack_doubles(const std::string& bytes);

}  // namespace linksim::experiment
