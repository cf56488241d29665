// The reply and InMail features of a calibration prospect (shared by the Monte Carlo calibration
// and the expected-value fit, which must read a prospect the same way).
#pragma once
#include "linksim/model/calibration.hpp"
#include "linksim/model/inmail.hpp"
#include "linksim/model/reply.hpp"

namespace linksim::model {

inline ReplyFeatures reply_features(const Target& t) {
  ReplyFeatures r;
  r.target_seniority = t.seniority;
  r.mutual_connections = t.mutual_connections;
  r.accept_propensity = t.accept_propensity;
  r.activity = t.activity;
  return r;
}

inline InMailFeatures inmail_features(const Target& t, bool personalized) {
  InMailFeatures m;
  m.target_seniority = t.seniority;
  m.personalized = personalized;
  m.mutual_connections = t.mutual_connections;
  m.same_industry = t.same_industry;
  m.accept_propensity = t.accept_propensity;
  m.activity = t.activity;
  return m;
}

}  // namespace linksim::model
