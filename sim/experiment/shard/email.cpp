#include "experiment/shard/email.hpp"

#include "experiment/shard/adaptation.hpp"
#include "experiment/shard/events.hpp"
#include "experiment/shard/prospector.hpp"
#include "linksim/model/email_delivery.hpp"
#include "linksim/model/reply.hpp"

namespace linksim::experiment {

void EmailChannel::plan_day(std::uint32_t s, Time now) {
  Sender& x = ctx_.senders[s];
  if (adaptation::emails_per_day(x) > 0) ctx_.schedule(ShardContext::window_open(now) + ctx_.jitter(x, ShardContext::kBatchStart), ev::kEmailWake, s);
}

void EmailChannel::on_wake(std::uint32_t s, Time now) {
  Sender& x = ctx_.senders[s];
  const auto& st = x.strategy->email;
  const auto& params = ctx_.plan.response.email;
  const unsigned providers = st.finder == strategy::Finder::kChained ? 3u : 1u;
  // Email has no platform limit: the sender works through today's quota in one batch.
  auto& stat = ctx_.stats[s];
  const int per_day = adaptation::emails_per_day(x);
  stat.emails_planned += per_day;
  while (x.emails_today < per_day) {
    const auto target = prospector::next(x, stat, now);
    if (!target) {
      stat.emails_lost_to_pool += per_day - x.emails_today;
      return;
    }
    ++x.emails_today;
    ++stat.email_prospects;
    core::Rng rng = ctx_.pair_rng(x.member, *target, streams::Pair::kEmailFind);
    const auto domain = static_cast<model::EmailDomain>(static_cast<std::uint8_t>(ctx_.world.email(*target)));
    const model::FoundEmail found = model::find_email(params.finder, domain, providers, rng);
    ctx_.effort(s, model::Action::kFinderLookup, found.lookups);
    if (found.status == model::FinderStatus::kNotFound) {
      ctx_.trace(s, now, *target, trace::EmailNotFound{providers});
      continue;
    }
    if (st.verify) {
      ctx_.effort(s, model::Action::kVerification);
      if (model::verify_email(params.verification, found, rng) == model::Verdict::kInvalid) {
        ctx_.trace(s, now, *target, trace::EmailInvalid{});
        continue;
      }
    }
    const auto id = static_cast<std::uint32_t>(threads_.size());
    threads_.push_back(Thread{s, *target, found, false});
    on_touch(id, 0, now);
  }
}

void EmailChannel::on_touch(std::uint32_t id, std::uint32_t touch, Time now) {
  Thread& t = threads_[id];
  if (t.replied) return;
  Sender& x = ctx_.senders[t.sender];
  const auto& params = ctx_.plan.response.email;
  core::Rng rng = ctx_.pair_rng(x.member, t.target, streams::Pair::kEmailTouch, touch);
  const auto delivery = model::deliver_email(params, t.found, x.reputation->inbox_probability(), rng);
  x.reputation->record(delivery.delivery == model::Delivery::kBounced, delivery.complaint);
  auto& stat = ctx_.stats[t.sender];
  ++stat.emails_sent;
  if (touch == 0) ++stat.email_threads;
  ctx_.effort(t.sender, touch == 0 ? model::Action::kEmail : model::Action::kEmailFollowUp);
  ctx_.trace(t.sender, now, t.target, trace::EmailSent{touch, delivery.delivery});
  if (delivery.delivery == model::Delivery::kBounced) {
    ++stat.emails_bounced;
    if (touch == 0) ++stat.first_emails_bounced;
    return;  // a bounced address gets no follow-ups
  }
  if (delivery.delivery == model::Delivery::kInbox) {
    ++stat.emails_inboxed;
    model::ReplyFeatures f;
    f.target_seniority = static_cast<std::uint8_t>(ctx_.world.seniority(t.target));
    f.personalized = false;
    f.mutual_connections = 0;
    f.accept_propensity = static_cast<float>(ctx_.world.accept_propensity(t.target));
    f.activity = static_cast<float>(ctx_.world.activity(t.target));
    const auto r = model::draw_reply(params.reply, f, touch, rng);
    if (r.replied) {
      t.replied = true;
      ctx_.schedule(now + r.delay_seconds, ev::kEmailReply, t.sender, id);
      return;
    }
  }
  if (touch < static_cast<std::uint32_t>(x.strategy->email.followups))
    ctx_.schedule(now + static_cast<Time>(x.strategy->email.gap_days) * core::kDay, ev::kEmailTouch, t.sender, id, touch + 1);
}

}  // namespace linksim::experiment
