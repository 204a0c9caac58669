// The part of a report the diff reads: the same shape, without the sentences, snippets,
// evidence and actions that make up most of its size.
#pragma once

#include <nlohmann/json.hpp>

namespace empreinte::history {

// A report JSON reduced to what diff_reports, summarise and page_state read (subject, dates,
// scores, yes/no findings, backends, queries, and each trace's id, URL, title, verdicts, exposed
// data and sightings). Works on a digest too.
nlohmann::json digest_of(const nlohmann::json& report);

} // namespace empreinte::history
