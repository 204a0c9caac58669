// Is a trace about the person or about a namesake? (`about_subject`, 0..1, with evidence)
#pragma once

#include "classify/subject.hpp"
#include "classify/trace_text.hpp"
#include "traces/trace.hpp"

#include <string>
#include <vector>

namespace empreinte::classify {

// What of the person a trace shows; the links and exposure reuse it.
struct IdentityMatch
{
  const profile::NameForm* name = nullptr; // strongest name form found, or null
  bool surname_only = false;
  bool pseudonym = false;
  bool email = false;
  bool phone = false;
  bool location = false;   // the location, or a place in the same area
  bool job = false;        // the job title or the same occupation
  bool employer = false;
  double about = 0.0;
};

// Judges `trace`; appends the reasons to `evidence`.
IdentityMatch judge_identity(const Subject& subject,
                             const Rules& rules,
                             const traces::Trace& trace,
                             const TraceText& text,
                             std::vector<util::Message>& evidence);

} // namespace empreinte::classify
