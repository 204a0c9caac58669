// The classifier: for every trace, is it about the person, who published it, what it exposes.
#pragma once

#include "classify/rules.hpp"
#include "classify/subject.hpp"
#include "profile/profile.hpp"
#include "traces/trace.hpp"

#include <vector>

namespace empreinte::classify {

class Classifier
{
public:
  Classifier(const profile::Profile& profile, const Rules& rules, Tuning tuning = {});

  // Fills about_subject, kind, confidence, evidence, sensitive and the links of each trace.
  // Traces are judged one by one, then together: a post by the person on a platform where
  // their account's handle is a pseudonym ties that pseudonym to their name too.
  void classify_all(std::vector<traces::Trace>& traces) const;
  void classify(traces::Trace& trace) const;

private:
  const Rules& m_rules;
  Subject m_subject;
};

} // namespace empreinte::classify
