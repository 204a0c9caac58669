// The method's four questions, answered from the traces: name, network, pseudonym, job.
#pragma once

#include "plan/query.hpp"
#include "profile/profile.hpp"
#include "traces/trace.hpp"
#include "util/message.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace empreinte::score {

// One network's indexed traces (network finding).
struct NetworkFinding
{
  std::string network;
  bool searched = true;             // false: its search failed, so "none indexed" is unknown
  std::vector<std::string> traces;  // trace ids about the person on it
  std::vector<std::string> flagged; // of those, the ones exposing sensitive or embarrassing data
};

// One pseudonym's link to the name (pseudonym finding).
struct PseudonymFinding
{
  std::string pseudonym;
  std::optional<bool> linked;        // unset: its searches failed and nothing ties it
  std::vector<std::string> evidence; // trace ids that tie it to the name
};

struct Finding
{
  plan::Family family = plan::Family::name;
  util::Message verdict;                // one sentence for the person (report/i18n.hpp)
  // Set when the searches that would answer the question failed and nothing found says yes:
  // the answer is unknown (never a confident "no"), `linked` and `professional_presence` are
  // then unset, and this says which searches failed.
  std::optional<util::Message> unknown;
  std::vector<std::string> evidence;    // trace ids behind the verdict
  std::map<std::string, double> counts; // family-specific figures
  std::optional<bool> linked;           // pseudonym and job findings
  std::optional<bool> professional_presence; // job finding
  std::vector<std::string> presence;    // job finding: traces of a presence the person controls
  std::vector<NetworkFinding> networks; // network finding
  std::vector<PseudonymFinding> pseudonyms; // pseudonym finding
};

struct QueryRef
{
  std::string id;
  plan::Family family;
  std::string target;
  bool failed = false; // no backend answered it (blocked, timeout...)
};

// The four findings, in family order. `queries` are the audit's queries.
std::vector<Finding> make_findings(const profile::Profile& subject,
                                   const std::vector<QueryRef>& queries,
                                   const std::vector<traces::Trace>& traces,
                                   double about_threshold = 0.5);

} // namespace empreinte::score
