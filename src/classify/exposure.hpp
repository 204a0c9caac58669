// What a trace about the person exposes: personal data, and links from pseudonym or job to name.
#pragma once

#include "classify/identity.hpp"
#include "classify/kind.hpp"
#include "classify/subject.hpp"
#include "classify/trace_text.hpp"
#include "traces/trace.hpp"

namespace empreinte::classify {

// Fills `sensitive`, `pseudonym_link` and `job_link` of a trace about the person.
// A page read whole is searched where it speaks of the person: all of it when it is theirs
// or about them alone, else the blocks around each mention of them.
void judge_exposure(const Subject& subject,
                    const Rules& rules,
                    const TraceText& text,
                    const IdentityMatch& identity,
                    const KindVerdict& kind,
                    traces::Trace& trace);

} // namespace empreinte::classify
