// A name typed on the command line is folded like the stored keys, so "Hélène Vasseur",
// "helene vasseur" and "helene-vasseur" name the same subject.
#include "app/history_access.hpp"

#include "history/requests.hpp"
#include "util/fs.hpp"
#include "util/json_fields.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <charconv>

namespace empreinte::app {

using nlohmann::json;

util::Result<std::optional<history::Store>> open_history(history::Store::Access access)
{
  auto path = history::Store::default_path();
  if (!path) {
    return path.error();
  }
  return history::Store::open(*path, access);
}

util::Result<std::string> choose_subject(const history::Store& store, const std::string& flag)
{
  auto subjects = store.subjects();
  if (!subjects) {
    return subjects.error();
  }
  std::string list;
  for (const auto& s : *subjects) {
    list += (list.empty() ? "" : ", ") + s;
  }
  if (!flag.empty()) {
    std::string key;
    for (const auto& w : util::words(flag)) {
      key += (key.empty() ? "" : "-") + w;
    }
    if (std::find(subjects->begin(), subjects->end(), key) == subjects->end()) {
      return util::input_error("no audit of \"" + flag + "\" in the history",
                               "--subject",
                               subjects->empty() ? "run 'empreinte audit' first"
                                                 : "use one of: " + list);
    }
    return key;
  }
  if (subjects->empty()) {
    return util::input_error("no audit stored yet",
                             store.path().string(),
                             "run 'empreinte audit' first: each run is stored");
  }
  if (subjects->size() > 1) {
    return util::input_error(
        "the history holds several people", "--subject", "say which with --subject: " + list);
  }
  return subjects->front();
}

namespace {

std::optional<std::int64_t> run_number(const std::string& spec)
{
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(spec.data(), spec.data() + spec.size(), value);
  if (ec != std::errc() || end != spec.data() + spec.size() || value <= 0) {
    return std::nullopt;
  }
  return value;
}

util::Result<NamedAudit> from_run(const history::Store& store, std::int64_t id, Detail detail)
{
  auto report = detail == Detail::digest ? store.digest(id) : store.report(id);
  if (!report) {
    return report.error();
  }
  return NamedAudit{std::move(*report), id, {}};
}

} // namespace

util::Result<NamedAudit> read_audit(const history::Store* store,
                                    const std::string& spec,
                                    const std::string& subject,
                                    std::optional<std::int64_t> relative_to,
                                    Detail detail)
{
  const bool keyword = spec == "latest" || spec == "previous";
  if (keyword || run_number(spec)) {
    if (!store) {
      return util::input_error("no history yet, so no run \"" + spec + "\"",
                               spec,
                               "run 'empreinte audit' first, or compare two report files");
    }
    if (const auto id = run_number(spec)) {
      auto run = store->run(*id);
      if (!run) {
        return run.error();
      }
      if (!*run) {
        return util::input_error(
            "no run " + spec + " in the history", spec, "'empreinte history' lists the runs");
      }
      return from_run(*store, *id, detail);
    }
    auto latest = store->latest(subject);
    if (!latest) {
      return latest.error();
    }
    if (!*latest) {
      return util::input_error(
          "no audit of " + subject + " in the history", spec, "run 'empreinte audit' first");
    }
    if (spec == "latest") {
      return from_run(*store, **latest, detail);
    }
    auto previous = store->latest(subject, relative_to ? *relative_to : **latest);
    if (!previous) {
      return previous.error();
    }
    if (!*previous) {
      return util::input_error("only one audit of " + subject + " is stored",
                               spec,
                               "run the audit again later, then compare");
    }
    return from_run(*store, **previous, detail);
  }
  auto text = util::read_file(spec);
  if (!text) {
    return util::input_error(
        "\"" + spec + "\" is neither a run nor a readable report",
        spec,
        "give a run id, latest, previous, or a report saved with --format json -o FILE");
  }
  auto value = util::parse_json(*text, spec);
  if (!value) {
    return value.error();
  }
  if (!value->is_object() || value->value("schema", "") != "empreinte/report/v1" ||
      !(*value)["traces"].is_array()) {
    return util::input_error(
        "not an empreinte report", spec, "give a report saved with --format json -o FILE");
  }
  return NamedAudit{std::move(*value), std::nullopt, spec};
}

util::Result<std::vector<history::RequestFollowUp>> follow_up_requests(const history::Store& store,
                                                                       const std::string& subject,
                                                                       const json& after,
                                                                       const history::Diff* diff)
{
  auto requests = store.requests(subject);
  if (!requests) {
    return requests.error();
  }
  std::vector<history::RequestFollowUp> out;
  for (const auto& r : *requests) {
    json origin = json::parse(r.origin, nullptr, false);
    if ((origin.is_discarded() || !origin.is_object()) && r.run > 0) {
      if (auto report = store.report(r.run)) { // a request recorded without its origin
        origin = std::move(*report);
      }
    }
    out.push_back({r.id,
                   r.trace,
                   r.url,
                   r.right,
                   r.sent,
                   r.outcome,
                   history::page_state(r, origin, after, diff)});
  }
  return out;
}

std::string request_origin(const json& report, const json& trace)
{
  json queries = json::array();
  for (const auto& q : report.value("queries", json::array())) {
    for (const auto& sighting : trace.value("found_by", json::array())) {
      if (q.value("id", "") == sighting.value("query", "") &&
          q.value("backend", "") == sighting.value("backend", "")) {
        queries.push_back(q);
        break;
      }
    }
  }
  return json{{"queries", queries}, {"traces", json::array({trace})}}.dump();
}

} // namespace empreinte::app
