// `empreinte classify`: classify results from anywhere (a JSON list, {"results": [...]}, a saved
// report), offline.
#include "app/commands.hpp"
#include "app/data_paths.hpp"
#include "app/exit_codes.hpp"
#include "app/lang_option.hpp"
#include "app/pipeline.hpp"
#include "classify/classifier.hpp"
#include "report/i18n.hpp"
#include "report/report.hpp"
#include "traces/merge.hpp"
#include "util/fs.hpp"
#include "util/json_fields.hpp"
#include "util/terminal.hpp"

#include <fmt/format.h>
#include <map>
#include <memory>

namespace empreinte::app {

namespace {

using nlohmann::json;

struct ClassifyCommand
{
  profile::ProfileFlags subject;
  OutputOptions output;
  std::string input;
  std::string lang; // --lang; empty: from the environment
};

// Rows of {"url", "title", "snippet", "rank"?, "query"?, "query_family"?} -> traces.
util::Result<std::vector<traces::Trace>> traces_from_rows(const json& rows, const std::string& source,
                                                         const std::string& pointer)
{
  std::vector<plan::Query> queries;
  std::vector<search::QueryOutcome> outcomes;
  std::map<std::string, std::size_t> by_text;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    util::JsonFields f(rows[i], source, pointer + "/" + std::to_string(i));
    search::SearchResult r;
    r.url = f.string("url", true);
    r.title = f.string("title");
    r.snippet = f.string("snippet");
    r.rank = static_cast<int>(f.integer("rank", 0, 0, 1'000'000));
    const std::string query = f.string("query");
    const std::string family = f.string("query_family");
    if (f.error()) {
      return *f.error();
    }
    const std::string key = query + "\x1f" + family;
    auto [it, inserted] = by_text.try_emplace(key, queries.size());
    if (inserted) {
      plan::Query q;
      q.id = "q" + std::to_string(queries.size() + 1);
      q.text = query;
      q.family = plan::family_from_name(family).value_or(plan::Family::name);
      queries.push_back(std::move(q));
      outcomes.push_back(
        search::QueryOutcome{"input", search::QueryStatus::ok, {}, {}, queries.size() - 1});
    }
    auto& outcome = outcomes[it->second];
    if (r.rank <= 0) {
      r.rank = static_cast<int>(outcome.results.size()) + 1;
    }
    outcome.results.push_back(std::move(r));
  }
  return traces::merge(queries, outcomes);
}

// A saved report's traces keep their sightings; only the verdicts are recomputed.
util::Result<std::vector<traces::Trace>> traces_from_report(const json& list, const std::string& source)
{
  std::vector<json> rows;
  for (std::size_t i = 0; i < list.size(); ++i) {
    util::JsonFields f(list[i], source, "/traces/" + std::to_string(i));
    (void)f.string("url", true);
    if (f.error()) {
      return *f.error();
    }
    const json& t = list[i];
    std::vector<std::string> snippets;
    if (t.contains("snippets") && t["snippets"].is_array()) {
      for (const auto& s : t["snippets"]) {
        if (s.is_string()) {
          snippets.push_back(s.get<std::string>());
        }
      }
    } else if (t.contains("snippet") && t["snippet"].is_string()) {
      snippets.push_back(t["snippet"].get<std::string>());
    }
    for (const auto& s : snippets.empty() ? std::vector<std::string>{""} : snippets) {
      rows.push_back({{"url", t["url"]}, {"title", t.value("title", "")}, {"snippet", s}});
    }
  }
  return traces_from_rows(json(rows), source, "/traces");
}

// Bounds on the input: an audit on every shipped engine with --pages 10 finds about 12,000
// results; 20,000 leaves room without letting a file ask for gigabytes (each result costs a
// few kilobytes once classified).
constexpr std::uintmax_t k_max_input_bytes = 16u * 1024 * 1024;
constexpr std::size_t k_max_results = 20'000;

util::Status check_count(std::size_t rows, const std::string& path)
{
  if (rows > k_max_results) {
    return util::input_error(fmt::format("{} results, more than the {} one run classifies", rows,
                                         k_max_results),
                             path, "split the file");
  }
  return util::ok_status();
}

util::Result<std::vector<traces::Trace>> read_input(const std::string& path)
{
  auto text = util::read_file(path, k_max_input_bytes);
  if (!text) {
    return text.error();
  }
  auto value = util::parse_json(*text, path);
  if (!value) {
    return value.error();
  }
  const json* rows = value->is_array() ? &*value : nullptr;
  std::string pointer;
  for (const char* key : {"results", "traces"}) {
    if (!rows && value->is_object() && value->contains(key) && (*value)[key].is_array()) {
      rows = &(*value)[key];
      pointer = std::string("/") + key;
    }
  }
  if (rows) {
    if (auto s = check_count(rows->size(), path); !s) {
      return s.error();
    }
    return pointer == "/traces" ? traces_from_report(*rows, path)
                                : traces_from_rows(*rows, path, pointer);
  }
  return util::input_error("not a list of results, {\"results\": [...]} or a report",
                           path,
                           "give a JSON list of {\"url\", \"title\", \"snippet\"}, "
                           "{\"results\": [...]} or a saved report");
}

std::string render_text(const std::vector<traces::Trace>& list, const std::string& lang)
{
  using report::tr;
  std::string out;
  for (const auto& t : list) {
    out += fmt::format("{} {}\n  {}\n",
                       util::strip_controls(t.url),
                       tr(lang,
                          "classify.trace",
                          {tr(lang, "kind_label." + std::string(traces::kind_name(t.kind))),
                           fmt::format("{:.0f}", t.confidence * 100),
                           fmt::format("{:.0f}", t.about_subject * 100)}),
                       util::strip_controls(t.title));
    for (const auto& e : t.evidence) {
      out += "  - " + util::strip_controls(tr(lang, e)) + "\n";
    }
    for (const auto& s : t.sensitive) {
      out += fmt::format("  ! {}{}{}{}\n",
                         tr(lang, "category." + s.category),
                         report::colon(lang),
                         util::strip_controls(s.text),
                         s.known ? " " + tr(lang, "report.yours") : "");
    }
  }
  return out;
}

int run_classify(const ClassifyCommand& cmd)
{
  auto data = find_data_paths();
  if (!data) {
    return report_error(data.error());
  }
  auto rules = load_rules(*data);
  if (!rules) {
    return report_error(rules.error());
  }
  if (!cmd.subject.any_subject()) {
    return report_error(util::input_error(
      "no subject to classify for", "command line", "give --profile FILE, or --first and --last"));
  }
  auto subject = load_subject(cmd.subject, rules->networks);
  if (!subject) {
    return report_error(subject.error());
  }
  auto list = read_input(cmd.input);
  if (!list) {
    return report_error(list.error());
  }
  classify::Classifier(*subject, *rules).classify_all(*list);
  const std::string lang = resolve_lang(cmd.lang);
  std::string content;
  if (cmd.output.format == "json") {
    // One trace at a time, indented as a whole document would be: the document itself would
    // hold every trace twice over.
    content = "{\n  \"lang\": " + nlohmann::ordered_json(lang).dump() + ",\n  \"traces\": [";
    for (std::size_t i = 0; i < list->size(); ++i) {
      const std::string one = report::trace_to_json((*list)[i], lang).dump(
        2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
      content += i ? ",\n    " : "\n    ";
      for (char c : one) {
        content += c;
        if (c == '\n') {
          content += "    "; // JSON strings hold no raw newline: every newline is layout
        }
      }
    }
    content += list->empty() ? "]\n}\n" : "\n  ]\n}\n";
  } else {
    content = render_text(*list, lang);
  }
  if (auto s = write_output(cmd.output, content); !s) {
    return report_error(s.error());
  }
  return k_exit_ok;
}

} // namespace

void add_classify_command(CLI::App& app, Runner& runner)
{
  auto cmd = std::make_shared<ClassifyCommand>();
  CLI::App* sub = app.add_subcommand(
    "classify", "Classify search results from a JSON file, offline (see docs/classification.md)");
  sub->footer(k_exit_help);
  sub->add_option("RESULTS", cmd->input,
                  "JSON: a list of {url, title, snippet}, {\"results\": [...]}, or a saved report")
    ->required();
  add_profile_options(*sub, cmd->subject);
  add_output_options(*sub, cmd->output, {"text", "json"});
  add_lang_option(*sub, cmd->lang);
  sub->callback([cmd, &runner] { runner = [cmd] { return run_classify(*cmd); }; });
}

} // namespace empreinte::app
