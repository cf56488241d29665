#include "linksim/graph/export.hpp"

#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <string>

#include <fmt/format.h>

namespace linksim::graph {
namespace {

namespace fs = std::filesystem;

// Buffers text and writes it to `path` via a temporary file and an atomic rename.
class AtomicWriter {
 public:
  explicit AtomicWriter(fs::path path) : path_(std::move(path)), tmp_(path_) {
    tmp_ += ".tmp";
    file_ = std::fopen(tmp_.c_str(), "wb");
    if (!file_) throw std::runtime_error("cannot write " + tmp_.string());
  }
  ~AtomicWriter() {
    if (file_) {
      std::fclose(file_);
      std::error_code ec;
      fs::remove(tmp_, ec);
    }
  }
  fmt::memory_buffer& buffer() { return buf_; }
  void flush_if_full() {
    if (buf_.size() >= (1u << 20)) flush();
  }
  void commit() {
    flush();
    const bool ok = std::fclose(file_) == 0;
    file_ = nullptr;
    if (!ok) throw std::runtime_error("cannot write " + tmp_.string());
    fs::rename(tmp_, path_);
  }

 private:
  void flush() {
    if (std::fwrite(buf_.data(), 1, buf_.size(), file_) != buf_.size())
      throw std::runtime_error("cannot write " + tmp_.string());
    buf_.clear();
  }
  fs::path path_, tmp_;
  std::FILE* file_ = nullptr;
  fmt::memory_buffer buf_;
};

// Quotes a name only when CSV needs it (RFC 4180), so plain names stay plain.
std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

}  // namespace

void export_csv(const World& w, const std::string& dir) {
  fs::create_directories(dir);
  {
    AtomicWriter out(fs::path(dir) / "edges.csv");
    fmt::format_to(std::back_inserter(out.buffer()), "source,target\n");
    for (std::uint32_t v = 0; v < w.num_members(); ++v) {
      for (std::uint32_t u : w.neighbours(v))
        if (v < u) fmt::format_to(std::back_inserter(out.buffer()), "{},{}\n", v, u);
      out.flush_if_full();
    }
    out.commit();
  }
  const auto& m = w.members();
  AtomicWriter out(fs::path(dir) / "members.csv");
  fmt::format_to(std::back_inserter(out.buffer()),
                 "id,industry,region,seniority,company_size,activity,accept_propensity,"
                 "report_propensity,content_affinity,profile_strength,creator,email,degree\n");
  for (std::uint32_t v = 0; v < w.num_members(); ++v) {
    fmt::format_to(std::back_inserter(out.buffer()), "{},{},{},{},{},{},{},{},{},{},{},{},{}\n", v,
                   csv_field(m.industry_names[m.industry[v]]), csv_field(m.region_names[m.region[v]]), to_string(m.seniority[v]),
                   csv_field(m.company_size_names[m.company_size[v]]), m.activity[v], m.accept_propensity[v],
                   m.report_propensity[v], m.content_affinity[v], m.profile_strength[v], int{m.creator[v]},
                   to_string(m.email[v]), w.degree(v));
    out.flush_if_full();
  }
  out.commit();
}

}  // namespace linksim::graph
