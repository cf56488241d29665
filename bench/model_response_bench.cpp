// Member-response draws: the invitation outcome runs millions of times per replication, so its
// rate (draws/s) is the number to watch; replies, email delivery and one content post beside it.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <numeric>
#include <vector>

#include "linksim/model/calibration.hpp"
#include "linksim/model/content.hpp"
#include "linksim/model/email_delivery.hpp"
#include "linksim/model/invite_response.hpp"
#include "linksim/model/reply.hpp"

namespace {

using namespace linksim;
using namespace linksim::model;

// A fixed pool of varied prospects, so the loop does not replay one feature vector.
std::vector<InviteFeatures> prospects(std::size_t n) {
  SyntheticTargets sampler;
  core::Rng rng = core::make_rng(42, 0, core::Purpose::kMembers);
  std::vector<InviteFeatures> v(n);
  for (std::size_t i = 0; i < n; ++i) {
    v[i] = cold_invite(sampler.draw(rng, i % 4 == 0 ? Segment::kMutual : Segment::kCold), Sender{});
    if (i % 3 == 0) {
      v[i].note = NoteKind::kPersonalized;
      v[i].note_length = 150;
    }
  }
  return v;
}

void BM_DrawInviteOutcome(benchmark::State& state) {
  const ResponseParams& p = default_response_params();
  const auto pool = prospects(4096);
  core::Rng rng = core::make_rng(1, 0, core::Purpose::kResponses);
  std::size_t i = 0;
  std::int64_t accepted = 0;
  for (auto _ : state) {
    const InviteOutcome o = draw_invite_outcome(p, pool[i++ & 4095], rng);
    accepted += o.outcome == InviteResponse::kAccept;
    benchmark::DoNotOptimize(o);
  }
  state.counters["draws/s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.counters["accept"] = static_cast<double>(accepted) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_DrawInviteOutcome);

void BM_DrawReply(benchmark::State& state) {
  const ResponseParams& p = default_response_params();
  ReplyFeatures f;
  core::Rng rng = core::make_rng(1, 0, core::Purpose::kResponses);
  unsigned touch = 0;
  for (auto _ : state) benchmark::DoNotOptimize(draw_reply(p.reply, f, touch++ & 3, rng));
  state.counters["draws/s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_DrawReply);

void BM_FindAndDeliverEmail(benchmark::State& state) {
  const ResponseParams& p = default_response_params();
  core::Rng rng = core::make_rng(1, 0, core::Purpose::kEmail);
  std::uint32_t i = 0;
  for (auto _ : state) {
    const FoundEmail e = find_email(p.email.finder, static_cast<EmailDomain>(i++ % 3), 3, rng);
    benchmark::DoNotOptimize(deliver_email(p.email, e, 0.8, rng));
  }
  state.counters["emails/s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_FindAndDeliverEmail);

// One post by a creator with 30,000 followers on a 60,000-member random graph (mean degree 30).
void BM_ContentPost(benchmark::State& state) {
  const std::uint32_t n = 60000, half = 15;
  core::Rng g = core::make_rng(7, 0, core::Purpose::kTest);
  std::vector<std::uint32_t> offsets(n + 1, 0), targets;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
  for (std::uint32_t v = 0; v < n; ++v)
    for (std::uint32_t k = 0; k < half; ++k) {
      std::uint32_t w = core::uniform_below(g, n - 1);
      edges.emplace_back(v, w >= v ? w + 1 : w);
    }
  for (const auto& [a, b] : edges) ++offsets[a + 1], ++offsets[b + 1];
  std::partial_sum(offsets.begin(), offsets.end(), offsets.begin());
  targets.resize(offsets.back());
  std::vector<std::uint32_t> cursor(offsets.begin(), offsets.end() - 1);
  for (const auto& [a, b] : edges) targets[cursor[a]++] = b, targets[cursor[b]++] = a;
  std::vector<float> affinity(n), activity(n);
  for (std::uint32_t v = 0; v < n; ++v) {
    affinity[v] = static_cast<float>(core::uniform01(g));
    activity[v] = static_cast<float>(core::uniform01(g) * 0.5);
  }
  const ContentGraph graph{offsets, targets, affinity, activity, {}};
  ContentModel model(default_response_params().content);
  CreatorState creator(0, graph);
  while (creator.followers() < 30000) creator.add_follower(1 + core::uniform_below(g, n - 1));
  core::Rng rng = core::make_rng(1, 0, core::Purpose::kContent);
  std::vector<InboundEvent> events;
  core::Time now = 0;
  double impressions = 0;
  for (auto _ : state) {
    events.clear();
    impressions += model.publish(creator, graph, Post{}, now, rng, events).impressions;
    now += core::kDay;
  }
  state.counters["posts/s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.counters["impressions/post"] = impressions / static_cast<double>(state.iterations());
}
BENCHMARK(BM_ContentPost);

}  // namespace
