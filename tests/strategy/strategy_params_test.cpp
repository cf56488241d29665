// Strategy presets: merge order, ramp-up pacing, and rejection of inconsistent settings.
#include <catch2/catch.hpp>

#include "linksim/config/errors.hpp"
#include "linksim/strategy/strategy_params.hpp"

using namespace linksim::strategy;
using nlohmann::json;

TEST_CASE("the guide's strategies are all presets", "[strategy]") {
  const auto names = preset_names();
  for (const char* n : {"cold_blast", "targeted_cold", "personalized", "mutual_first", "warm_engage", "content_led",
                        "inmail_premium", "email_finder", "hybrid_linkedin_email", "ramp_up_safe", "pending_hygiene"})
    CHECK(std::find(names.begin(), names.end(), n) != names.end());
  for (const auto& n : names) {
    INFO(n);
    CHECK_NOTHROW(resolve_strategy(json{{"preset", n}}, "/s"));
    CHECK_FALSE(presets_document()["presets"][n].value("source", "").empty());
  }
}

TEST_CASE("strategy = base preset then named preset then scenario keys", "[strategy]") {
  const auto blast = resolve_strategy(json{{"preset", "cold_blast"}}, "/s");
  CHECK(blast.invites.per_day == 40);          // from the preset
  CHECK(blast.followups.messages == 1);        // from the base
  const auto tuned = resolve_strategy(json::parse(R"({"preset": "cold_blast", "invites": {"per_day": 35}})"), "/s");
  CHECK(tuned.invites.per_day == 35);          // the scenario wins
  CHECK(tuned.invites.random_gaps == false);   // the rest of the preset survives
  const auto personal = resolve_strategy(json{{"preset", "personalized"}}, "/s");
  CHECK(personal.invites.note == Note::kPersonalized);
  CHECK(personal.targeting.pool == Pool::kIcp);
}

TEST_CASE("ramp-up pacing steps from the start pace to the full pace", "[strategy]") {
  const auto p = resolve_strategy(json{{"preset", "ramp_up_safe"}}, "/s");
  CHECK(p.invites.pace_on_day(0) == 5);
  CHECK(p.invites.pace_on_day(6) == 5);
  CHECK(p.invites.pace_on_day(7) == 8);   // 5 + 15·1/4
  CHECK(p.invites.pace_on_day(21) == 16);  // 5 + 15·3/4
  CHECK(p.invites.pace_on_day(28) == 20);
  CHECK(p.invites.pace_on_day(500) == 20);
}

TEST_CASE("inconsistent strategies are rejected with their paths", "[strategy]") {
  auto issues = [](const char* text) {
    try {
      resolve_strategy(json::parse(text), "/senders/me/strategy");
    } catch (const linksim::config::InputError& e) {
      return e.issues();
    }
    return std::vector<linksim::config::Issue>{};
  };
  CHECK(issues(R"({"preset": "cold_blast", "invites": {"note_chars": 100}})").at(0).path == "/senders/me/strategy/invites/note_chars");
  CHECK(issues(R"({"preset": "personalized", "invites": {"note_chars": 0}})").at(0).path == "/senders/me/strategy/invites/note_chars");
  CHECK(issues(R"({"preset": "ramp_up_safe", "invites": {"ramp_start_per_day": 50}})").at(0).path == "/senders/me/strategy/invites/ramp_start_per_day");
  CHECK(issues(R"({"preset": "cold_blast", "targeting": {"min_mutual": 2}})").at(0).path == "/senders/me/strategy/targeting/min_mutual");
  CHECK(issues(R"({"preset": "cold_blast", "invites": {"note_chars": 100}, "targeting": {"min_mutual": 2}})").size() == 2);
}

TEST_CASE("post formats are parsed once: document posts are carousels, and polls are reachable", "[strategy]") {
  const auto format = [](const char* name) {
    return resolve_strategy(json{{"preset", "content_led"}, {"content", {{"format", name}}}}, "/s").content.format;
  };
  CHECK(format("text") == linksim::model::PostFormat::kText);
  CHECK(format("image") == linksim::model::PostFormat::kImage);
  CHECK(format("video") == linksim::model::PostFormat::kVideo);
  CHECK(format("document") == linksim::model::PostFormat::kCarousel);
  CHECK(format("poll") == linksim::model::PostFormat::kPoll);
}
