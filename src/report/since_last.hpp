// "Since your last audit": a short section of every report whose subject was audited before.
// The history stage fills it (src/history/since_last.cpp); the renderers only lay it out.
#pragma once

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace empreinte::report {

// A notable change of one trace about the person.
struct SinceLastTrace
{
  std::string change; // new, gone, changed
  std::string id;
  std::string url;
  std::string title;
  std::string risk;              // now, or when last seen
  std::string risk_before;       // changed traces
  std::vector<std::string> what; // changed traces: kind, about, risk, exposed
};

// A removal request and what became of its page.
struct SinceLastRequest
{
  std::int64_t id = 0;
  std::string right;
  std::string state; // gone, gone_now, present, not_seen (see history::RequestFollowUp)
};

struct SinceLast
{
  std::int64_t previous_run = 0;
  std::string previous_generated_at;
  bool previous_complete = true;
  int exposure_before = 0;
  int control_before = 0;
  // Traces about the person.
  std::size_t added = 0;
  std::size_t gone = 0;
  std::size_t not_seen = 0; // missing because their search failed or was not run
  std::size_t changed = 0;
  std::vector<SinceLastTrace> traces; // the most notable, a few of each
  std::vector<SinceLastRequest> requests;
  bool stored = true; // this audit goes into the history (the diff command then works)
};

// The section's heading and lines in `lang`; `escape` is applied to third-party text (titles,
// URLs) for the output format.
struct SinceLastText
{
  std::string heading;
  std::vector<std::string> lines;
};
SinceLastText word_since_last(const SinceLast& since,
                              int exposure_now,
                              int control_now,
                              const std::string& lang,
                              const std::function<std::string(std::string_view)>& escape);

// The section as JSON (the report's "since_last").
nlohmann::ordered_json since_last_json(const SinceLast& since, int exposure_now, int control_now);

} // namespace empreinte::report
