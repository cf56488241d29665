// docs/trace-format.md documents every event a trace can hold: each alternative of
// experiment::TraceEvent has a row `| \`name\` |` in its table.
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <variant>

#include <catch2/catch.hpp>

#include "linksim/experiment/trace.hpp"

using linksim::experiment::TraceEvent;

namespace {

template <std::size_t... I>
void check_all(const std::string& doc, std::index_sequence<I...>) {
  const auto check_one = [&doc](const TraceEvent& e) {
    const std::string name(linksim::experiment::event_name(e));
    INFO("event " << name << " has no row in docs/trace-format.md");
    CHECK(doc.find("| `" + name + "` |") != std::string::npos);
  };
  (check_one(TraceEvent(std::in_place_index<I>)), ...);
}

}  // namespace

TEST_CASE("docs/trace-format.md documents every trace event", "[report][trace]") {
  std::ifstream in(std::string(LINKSIM_SOURCE_DIR) + "/docs/trace-format.md");
  REQUIRE(in);
  std::stringstream doc;
  doc << in.rdbuf();
  check_all(doc.str(), std::make_index_sequence<std::variant_size_v<TraceEvent>>{});
}
