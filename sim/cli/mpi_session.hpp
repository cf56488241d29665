// The CLI's MPI backend: under `mpirun` (or any launcher that sets the PMI/PMIx or Open MPI
// variables), MPI is initialised and installed as the experiment library's process group;
// started any other way, linksim is one process and never touches MPI.
#pragma once
#include <string>

namespace linksim::cli {

class MpiSession {
 public:
  MpiSession(int& argc, char**& argv);
  ~MpiSession();
  MpiSession(const MpiSession&) = delete;
  MpiSession& operator=(const MpiSession&) = delete;

  bool active() const { return active_; }
  /// Why MPI could not be used although a launcher started this process (empty when fine):
  /// a build without MPI started by mpirun with several processes.
  const std::string& problem() const { return problem_; }
  /// Ends every process of the job with `code` (a failure after the work was shared out, when
  /// the others may be waiting for this one).
  [[noreturn]] void abort(int code);

 private:
  bool active_ = false;
  std::string problem_;
};

/// Whether a process launcher (mpirun, srun with PMI) started this process, and how many
/// processes it started (1 when none or unknown).
int launcher_size();

}  // namespace linksim::cli
