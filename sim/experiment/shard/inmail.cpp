#include "experiment/shard/inmail.hpp"

#include "experiment/shard/adaptation.hpp"
#include "experiment/shard/events.hpp"
#include "experiment/shard/prospector.hpp"
#include "linksim/model/inmail.hpp"

namespace linksim::experiment {

namespace {
/// Characters of an InMail, as the platform's rules see it.
constexpr std::uint16_t kInmailChars = 1000;
}  // namespace

void InMailChannel::plan_day(std::uint32_t s, Time now) {
  Sender& x = ctx_.senders[s];
  if (adaptation::inmails_per_week(x) > 0) ctx_.schedule(ShardContext::window_open(now) + ctx_.jitter(x, ShardContext::kBatchStart), ev::kInmailWake, s);
}

void InMailChannel::on_wake(std::uint32_t s, Time now) {
  Sender& x = ctx_.senders[s];
  const auto& st = x.strategy->inmail;
  const auto& world = ctx_.world;
  // Spread the weekly InMail budget over the five working days.
  const int dow = core::day_of_week(now);
  const int per_week = adaptation::inmails_per_week(x);
  const int due = (per_week * (dow + 1) + 4) / 5;
  ctx_.stats[s].inmails_planned += due - (dow == 0 ? 0 : (per_week * dow + 4) / 5);  // today's share
  while (x.inmails_this_week < due) {
    const auto target = prospector::next(x, ctx_.stats[s], now);
    if (!target) {
      // The week's InMails not sent by today are given up: the pool stays dry.
      ctx_.stats[s].inmails_lost_to_pool += due - x.inmails_this_week;
      x.inmails_this_week = due;
      return;
    }
    platform::Action a;
    a.kind = platform::ActionKind::kInmail;
    a.recipient = *target;
    a.chars = kInmailChars;
    a.personalized = st.personalized;
    const auto d = gw_.decide(a, s, now);
    if (!d.allowed()) {
      ctx_.trace(s, now, *target, [&] { return gw_.denial<trace::InmailDenied>(d, a, s, now); });
      return;
    }
    ++x.inmails_this_week;
    ++ctx_.stats[s].inmails_sent;
    ctx_.effort(s, model::Action::kInMail);
    const auto id = static_cast<std::uint32_t>(sent_.size());
    model::InMailFeatures f;
    f.target_seniority = static_cast<std::uint8_t>(world.seniority(*target));
    f.personalized = st.personalized;
    f.mutual_connections = x.prospects->mutual_seen(*target);
    f.same_industry = world.industry(*target) == world.industry(x.member);
    f.accept_propensity = static_cast<float>(world.accept_propensity(*target));
    f.activity = static_cast<float>(world.activity(*target));
    core::Rng rng = ctx_.pair_rng(x.member, *target, streams::Pair::kInMail);
    const auto r = model::draw_inmail_response(ctx_.plan.response.inmail, f, rng);
    sent_.push_back(Record{s, *target, now, r.interested});
    ctx_.trace(s, now, *target, trace::InmailSent{st.personalized});
    if (r.responded) ctx_.schedule(now + r.delay_seconds, ev::kInmailAnswer, s, id);
  }
}

void InMailChannel::on_answer(std::uint32_t id, Time now) {
  const Record& m = sent_[id];
  gw_.observe(m.sender, m.interested ? platform::OutcomeKind::kInmailReplied : platform::OutcomeKind::kInmailDeclined, m.target,
              m.sent_at, now);
  // Any answer is a reply (and refunds the credit, help 57013); only an interested one is a lead.
  if (m.interested) {
    ++ctx_.stats[m.sender].inmail_interested;
    funnel_.reply(m.sender, m.target, ReplyChannel::kInMail, true, now);
  } else {
    funnel_.reply_not_interested(m.sender, m.target, now);
  }
}

}  // namespace linksim::experiment
