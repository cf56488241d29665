// The journal of finished design rows: JSON lines, values as the hex of their bits (exact).
#include "linksim/experiment/row_journal.hpp"

#include <bit>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace linksim::experiment {

namespace {
constexpr const char* kPrefix = "checkpoint-rows-";

std::uint64_t fnv1a(std::uint64_t h, std::string_view bytes) {
  for (const char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}
}  // namespace

RowJournal::RowJournal(std::string dir, int rank) : dir_(std::move(dir)), rank_(rank) {}

std::unordered_map<std::string, std::vector<double>> RowJournal::load() const {
  std::unordered_map<std::string, std::vector<double>> rows;
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!on() || !fs::is_directory(dir_, ec)) return rows;
  for (const auto& entry : fs::directory_iterator(dir_, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(kPrefix, 0) != 0 || entry.path().extension() != ".jsonl") continue;
    std::ifstream in(entry.path());
    std::string line;
    while (std::getline(in, line)) {
      const nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_discarded() || !j.is_object() || !j.contains("key") || !j["key"].is_string() || !j.contains("values") ||
          !j["values"].is_array())
        continue;
      std::vector<double> values;
      bool ok = true;
      for (const auto& v : j["values"]) {
        if (!v.is_string() || v.get_ref<const std::string&>().size() != 16) {
          ok = false;
          break;
        }
        std::uint64_t bits = 0;
        try {
          bits = std::stoull(v.get<std::string>(), nullptr, 16);
        } catch (const std::exception&) {
          ok = false;
          break;
        }
        values.push_back(std::bit_cast<double>(bits));
      }
      if (ok) rows[j["key"].get<std::string>()] = std::move(values);
    }
  }
  return rows;
}

void RowJournal::append(const std::string& key, std::span<const double> values) {
  if (!on()) return;
  std::filesystem::create_directories(dir_);
  nlohmann::json line = {{"key", key}, {"values", nlohmann::json::array()}};
  for (const double v : values) line["values"].push_back(fmt::format("{:016x}", std::bit_cast<std::uint64_t>(v)));
  const std::string path = (std::filesystem::path(dir_) / fmt::format("{}{}.jsonl", kPrefix, rank_)).string();
  std::ofstream out(path, std::ios::app | std::ios::binary);
  out << line.dump() << '\n';
  out.flush();
  if (!out) throw std::runtime_error("cannot append to " + path);
}

void RowJournal::remove() const {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!on() || !fs::is_directory(dir_, ec)) return;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir_, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(kPrefix, 0) == 0 && entry.path().extension() == ".jsonl") files.push_back(entry.path());
  }
  for (const auto& f : files) fs::remove(f, ec);
}

std::string row_key(const std::string& config_hash, const std::vector<std::string>& metrics, std::size_t row,
                    std::span<const double> values) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  h = fnv1a(h, config_hash);
  for (const auto& m : metrics) h = fnv1a(fnv1a(h, m), "\x1f");
  std::string bits = fmt::format("|{}|", row);
  for (const double v : values) bits += fmt::format("{:016x},", std::bit_cast<std::uint64_t>(v));
  h = fnv1a(h, bits);
  return fmt::format("{:016x}", h);
}

}  // namespace linksim::experiment
