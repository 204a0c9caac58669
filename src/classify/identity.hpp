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
  bool in_page_only = false; // the name is in the page, not in the title, snippets or address
  double about = 0.0;
};

// The page's words near each place the person is named (windows joined by "\x1f"); empty
// when the page was not read.
std::vector<std::string> window_words(const TraceText& text, const Subject& subject);

// Judges `trace`; appends the reasons to `evidence`.
IdentityMatch judge_identity(const Subject& subject,
                             const Rules& rules,
                             const traces::Trace& trace,
                             const TraceText& text,
                             std::vector<util::Message>& evidence);

} // namespace empreinte::classify
