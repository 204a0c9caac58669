// What the history commands share: opening the store, choosing the subject, and reading an
// audit named on the command line (a run id, latest, previous, or a report file).
#pragma once

#include "history/diff.hpp"
#include "history/store.hpp"
#include "util/result.hpp"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace empreinte::app {

// The history, or nullopt when nothing was stored yet (read_only) .
util::Result<std::optional<history::Store>> open_history(history::Store::Access access);

// The subject to work on: `flag` (a key such as "helene-vasseur" or a name), else the only
// subject of the history. Several subjects and no flag is a usage error listing them.
util::Result<std::string> choose_subject(const history::Store& store, const std::string& flag);

// One audit named on the command line.
struct NamedAudit
{
  nlohmann::json report;
  std::optional<std::int64_t> run; // when from the history
  std::string file;                // when from a file
};

// Reads `spec`: a run id, "latest", "previous" (the run before `relative_to`, else before the
// latest), or a report file. `store` may be null when there is no history (files only).
// With `Detail::digest`, a stored run is read as its digest (history/digest.hpp): enough for
// the diff, and much faster; a file is read whole either way.
enum class Detail { whole, digest };
util::Result<NamedAudit> read_audit(const history::Store* store,
                                    const std::string& spec,
                                    const std::string& subject,
                                    std::optional<std::int64_t> relative_to = std::nullopt,
                                    Detail detail = Detail::whole);

// For every request of `subject`: whether its page went away by the `after` audit.
util::Result<std::vector<history::RequestFollowUp>> follow_up_requests(const history::Store& store,
                                                                       const std::string& subject,
                                                                       const nlohmann::json& after,
                                                                       const history::Diff* diff);

// What a request keeps of the audit it was made from: `trace` and the queries of `report` that
// found it (history::Request::origin).
std::string request_origin(const nlohmann::json& report, const nlohmann::json& trace);

} // namespace empreinte::app
