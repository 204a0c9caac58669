// What a trace about the person exposes: personal data, and links from pseudonym or job to name.
#pragma once

#include "classify/identity.hpp"
#include "classify/kind.hpp"
#include "classify/subject.hpp"
#include "classify/trace_text.hpp"
#include "traces/trace.hpp"

namespace empreinte::classify {

// Fills `sensitive`, `pseudonym_link` and `job_link` of a trace about the person.
void judge_exposure(const Subject& subject,
                    const Rules& rules,
                    const TraceText& text,
                    const IdentityMatch& identity,
                    traces::Trace& trace);

} // namespace empreinte::classify
