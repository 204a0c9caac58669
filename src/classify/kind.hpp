// Who published a trace: voluntary, inherited or involuntary (`kind`, `confidence`, evidence).
#pragma once

#include "classify/identity.hpp"
#include "classify/platforms.hpp"
#include "classify/subject.hpp"
#include "classify/trace_text.hpp"
#include "traces/trace.hpp"

#include <string>
#include <vector>

namespace empreinte::classify {

struct KindVerdict
{
  traces::Kind kind = traces::Kind::unknown;
  double confidence = 0.0;
  PlatformMatch platform;    // what the URL is on a known platform
  bool authored_by_subject = false; // a profile or post of the person's own
  std::string category;             // the site's category, "social" on a platform, or ""
  bool own_site = false;            // a site the person owns (name in the host, own business)
};

// True when the title, snippets or `near` (the page's words near the person's name) name
// someone founder, owner or managing partner ("associée fondatrice", "co-founder", "gérant").
bool founder_words(const TraceText& text, const std::vector<std::string>& near = {});

// Weighs the votes of the platform patterns, the site lists, the URL's shape and the
// title and snippet cues; appends the reasons to `evidence`.
KindVerdict judge_kind(const Subject& subject,
                       const Rules& rules,
                       const traces::Trace& trace,
                       const TraceText& text,
                       const IdentityMatch& identity,
                       std::vector<util::Message>& evidence);

} // namespace empreinte::classify
