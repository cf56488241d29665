#include "linksim/platform/rules/notes.hpp"

#include <fmt/format.h>

namespace linksim::platform {

Notes::Params Notes::Params::from_json(const nlohmann::json& j, const std::string& path, Issues& issues) {
  ParamReader r(j, path, issues);
  r.allow("enabled");
  r.finish();
  return {};
}

ParamSchema Notes::Params::schema() {
  return ParamSchema::object();
}

Notes::Notes(const Params&, const SenderBook& book) : month_(book.size(), -1), used_(book.size(), 0) {}

std::uint32_t Notes::used(SenderId s, core::Time now) const {
  return month_[s] == core::month_of(now) ? used_[s] : 0;
}

RuleCheck Notes::check(const Action& a, SenderId s, core::Time now, const SenderBook& book) const {
  const PlanParams& plan = book.plan(s);
  if (a.chars > plan.note_chars) return RuleCheck::deny(Notice::kNoteTooLong, core::kNever);
  if (counts(a) && plan.notes_per_month >= 0 && used(s, now) >= static_cast<std::uint32_t>(plan.notes_per_month))
    return RuleCheck::deny(Notice::kNoteQuota, (core::month_of(now) + 1) * core::kMonth);
  return RuleCheck::pass();
}

void Notes::commit(const Action& a, SenderId s, core::Time now, Context&) {
  if (!counts(a)) return;
  const auto m = static_cast<std::int32_t>(core::month_of(now));
  if (month_[s] != m) {
    month_[s] = m;
    used_[s] = 0;
  }
  ++used_[s];
}

std::string Notes::describe(const Action& a, SenderId s, core::Time now, const SenderBook& book) const {
  const PlanParams& plan = book.plan(s);
  if (a.chars > plan.note_chars)
    return fmt::format("note of {} characters is longer than the plan's {}", a.chars, plan.note_chars);
  return fmt::format("{} of {} personalized notes used this month", used(s, now), plan.notes_per_month);
}

}  // namespace linksim::platform
