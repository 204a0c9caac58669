// `empreinte batch`: many subjects, one profile a line, through one backend. The queries of
// up to --jobs subjects go to the backend together, so every engine's politeness (requests in
// flight, interval between requests) holds across subjects as it does within one audit.
#include "app/audit_command.hpp"
#include "app/commands.hpp"
#include "app/data_paths.hpp"
#include "app/exit_codes.hpp"
#include "app/lang_option.hpp"
#include "app/pipeline.hpp"
#include "report/redact.hpp"
#include "report/what_if.hpp"
#include "util/fs.hpp"
#include "util/json_fields.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <cstdio>
#include <fmt/format.h>
#include <memory>
#include <variant>

namespace empreinte::app {

namespace {

constexpr const char* k_batch_exit_help =
    "Exit codes: 0 every subject audited completely, 1 runtime error (a report could not be "
    "written), 2 usage error or at least one bad input line (its error object names the line; "
    "the other lines are still audited), 3 no bad line but some audits incomplete (some queries "
    "failed; their reports say which).";

struct BatchCommand
{
  std::string input;
  std::string output_dir;
  int jobs = 4;
  AuditCommand audit;
};

// One input line: its number and the subject, or why it was refused.
struct Entry
{
  std::size_t line = 0;
  std::variant<profile::Profile, util::Error> subject;
};

std::string slug(const profile::Profile& p)
{
  std::string out;
  for (const char c : util::fold(p.first_name + " " + p.last_name)) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (keep) {
      out += c;
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') {
    out.pop_back();
  }
  return out.substr(0, 40);
}

nlohmann::ordered_json error_line(std::size_t line, const util::Error& e)
{
  nlohmann::ordered_json j;
  j["line"] = line;
  j["error"] = {{"what", e.what}, {"where", e.where}, {"hint", e.hint}};
  return j;
}

class Batch
{
public:
  Batch(BatchCommand& cmd, DataPaths data, classify::Rules rules, score::Remedies remedies,
        Searcher searcher)
      : m_cmd(cmd), m_data(std::move(data)), m_rules(std::move(rules)),
        m_remedies(std::move(remedies)), m_searcher(std::move(searcher))
  {
  }

  // Audits the subjects of `entries` together and writes one line each, in order.
  util::Status flush(std::vector<Entry>& entries)
  {
    std::vector<const profile::Profile*> subjects;
    std::vector<std::vector<plan::Query>> plans;
    std::vector<plan::Query> all;
    std::vector<std::size_t> first; // index in `all` of each subject's first query
    for (const auto& e : entries) {
      if (const auto* p = std::get_if<profile::Profile>(&e.subject)) {
        subjects.push_back(p);
        plans.push_back(plan_audit(*p, m_rules, m_cmd.audit.settings));
        first.push_back(all.size());
        all.insert(all.end(), plans.back().begin(), plans.back().end());
      }
    }
    std::vector<std::vector<search::QueryOutcome>> outcomes(subjects.size());
    if (!all.empty()) {
      for (auto& o : m_searcher.backend->search_all(all, m_cmd.audit.settings.pages)) {
        // Back to the subject whose query it was, with its index in that subject's plan.
        const auto s = static_cast<std::size_t>(
            std::upper_bound(first.begin(), first.end(), o.query_index) - first.begin() - 1);
        o.query_index -= first[s];
        outcomes[s].push_back(std::move(o));
      }
    }
    std::size_t s = 0;
    for (const auto& e : entries) {
      nlohmann::ordered_json line;
      if (const auto* error = std::get_if<util::Error>(&e.subject)) {
        line = error_line(e.line, *error);
      } else {
        report::Report r = finish_audit(*subjects[s], m_rules, m_remedies, plans[s], outcomes[s],
                                        m_cmd.audit.settings, m_searcher.reader.get());
        ++s;
        if (const auto top = report::parse_what_if(m_cmd.audit.what_if)) {
          r.what_if = report::what_if_top(r, *top);
        }
        if (m_cmd.audit.redact) {
          report::redact(r);
        }
        auto written = write_report(e.line, r);
        if (!written) {
          m_failed_writes = true;
          line = error_line(e.line, written.error());
        } else {
          line["line"] = e.line;
          line["complete"] = r.complete();
          if (!written->empty()) {
            line["file"] = *written;
          }
          line["report"] = report::to_json(r);
          m_incomplete = m_incomplete || !r.complete();
        }
      }
      if (auto st = emit(line); !st) {
        return st;
      }
    }
    entries.clear();
    return util::ok_status();
  }

  util::Status finish()
  {
    if (!m_cmd.audit.output.output.empty() && m_cmd.audit.output.output != "-") {
      return write_output(m_cmd.audit.output, m_buffer);
    }
    return util::ok_status();
  }

  const classify::Rules& rules() const { return m_rules; }
  bool incomplete() const { return m_incomplete; }
  bool failed_writes() const { return m_failed_writes; }

private:
  // The report in --format in --output-dir: its path, or "" without --output-dir.
  util::Result<std::string> write_report(std::size_t line, const report::Report& r)
  {
    if (m_cmd.output_dir.empty()) {
      return std::string();
    }
    const std::string ext = m_cmd.audit.output.format == "text" ? "txt" : m_cmd.audit.output.format;
    const auto path = std::filesystem::path(m_cmd.output_dir)
                      / fmt::format("{:04}-{}.{}", line, slug(r.subject), ext);
    // On an offline corpus, the links open the saved pages, relative to the report's folder.
    report::Report linked = r;
    if (!m_cmd.audit.corpus.empty()) {
      link_saved_pages(linked, m_cmd.audit.corpus, path.string());
    }
    auto content = render_report(linked, m_cmd.audit.output.format, m_data, false);
    if (!content) {
      return content.error();
    }
    if (auto s = util::write_file_atomic(path, *content); !s) {
      return s.error();
    }
    return path.string();
  }

  util::Status emit(const nlohmann::ordered_json& line)
  {
    // A stray byte in a report must not lose the line (as in `audit --format json`).
    const std::string text =
        line.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
    if (!m_cmd.audit.output.output.empty() && m_cmd.audit.output.output != "-") {
      m_buffer += text;
      return util::ok_status();
    }
    if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() || std::fflush(stdout) != 0) {
      return util::runtime_error("cannot write to standard output");
    }
    return util::ok_status();
  }

  BatchCommand& m_cmd;
  DataPaths m_data;
  classify::Rules m_rules;
  score::Remedies m_remedies;
  Searcher m_searcher;
  std::string m_buffer;
  bool m_incomplete = false;
  bool m_failed_writes = false;
};

// The subject of one line: a profile object, as in a profile file (docs/profile.md).
Entry read_line(const std::string& text, std::size_t number, const std::string& input,
                const plan::NetworkCatalog& catalog)
{
  const std::string source = fmt::format("{} line {}", input, number);
  Entry e;
  e.line = number;
  auto parsed = util::parse_json(text, source);
  if (!parsed) {
    e.subject = parsed.error();
    return e;
  }
  auto p = profile::profile_from_json(*parsed, source);
  if (!p) {
    e.subject = p.error();
    return e;
  }
  if (auto s = plan::resolve_networks(*p, catalog, source); !s) {
    e.subject = s.error();
    return e;
  }
  e.subject = std::move(*p);
  return e;
}

int run(BatchCommand& cmd)
{
  if (cmd.output_dir.empty() && cmd.audit.output.format != "json") {
    return report_error(util::input_error("--format is the format of the reports in --output-dir",
                                          "--format", "add --output-dir DIR, or leave out --format"));
  }
  auto text = util::read_file(cmd.input, 1024u * 1024 * 1024);
  if (!text) {
    return report_error(text.error());
  }
  if (!util::is_valid_utf8(*text)) {
    return report_error(util::input_error("the profiles are not valid UTF-8", cmd.input));
  }
  if (!cmd.output_dir.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(cmd.output_dir, ec);
    if (ec || !std::filesystem::is_directory(cmd.output_dir, ec)) {
      return report_error(util::input_error("cannot create the folder for the reports",
                                            "--output-dir " + cmd.output_dir,
                                            "give a folder you can write to"));
    }
  }
  auto data = find_data_paths();
  if (!data) {
    return report_error(data.error());
  }
  auto rules = load_rules(*data);
  if (!rules) {
    return report_error(rules.error());
  }
  auto remedies = load_remedies(*data);
  if (!remedies) {
    return report_error(remedies.error());
  }
  auto searcher = open_backend(cmd.audit, *data);
  if (!searcher) {
    return report_error(searcher.error());
  }
  settle_settings(cmd.audit, *searcher);
  Batch batch(cmd, *data, std::move(*rules), std::move(*remedies), std::move(*searcher));
  const plan::NetworkCatalog& catalog = batch.rules().networks;
  std::vector<Entry> pending;
  std::size_t subjects = 0, bad = 0, number = 0;
  std::size_t pos = 0;
  while (pos < text->size()) {
    const auto end = std::min(text->find('\n', pos), text->size());
    std::string line = text->substr(pos, end - pos);
    pos = end + 1;
    ++number;
    if (util::squeeze_spaces(line).empty()) {
      continue;
    }
    pending.push_back(read_line(line, number, cmd.input, catalog));
    if (std::holds_alternative<util::Error>(pending.back().subject)) {
      ++bad;
    } else if (++subjects % static_cast<std::size_t>(cmd.jobs) == 0) {
      if (auto s = batch.flush(pending); !s) {
        return report_error(s.error());
      }
    }
  }
  if (auto s = batch.flush(pending); !s) {
    return report_error(s.error());
  }
  if (auto s = batch.finish(); !s) {
    return report_error(s.error());
  }
  note(cmd.audit.output, fmt::format("{} subjects audited, {} bad lines", subjects, bad));
  if (batch.failed_writes()) {
    return k_exit_runtime;
  }
  if (bad > 0) {
    return k_exit_usage;
  }
  return batch.incomplete() ? k_exit_incomplete : k_exit_ok;
}

} // namespace

void add_batch_command(CLI::App& app, Runner& runner)
{
  auto cmd = std::make_shared<BatchCommand>();
  cmd->audit.output.format = "json";
  CLI::App* sub = app.add_subcommand(
      "batch", "Audit many subjects: one profile (JSON) a line, one JSON line out per subject");
  sub->footer(k_batch_exit_help);
  sub->add_option("PROFILES", cmd->input,
                  "JSON Lines file: one profile object a line, as in a profile file "
                  "(docs/profile.md); blank lines are skipped")
      ->required();
  sub->add_option("--jobs", cmd->jobs,
                  "Subjects whose searches are sent together; each engine's politeness limits "
                  "still hold across all of them")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  sub->add_option("--output-dir", cmd->output_dir,
                  "Also write each report to DIR/NNNN-name.EXT (NNNN: its line), in --format")
      ->group("Output");
  add_web_options(*sub, cmd->audit);
  add_search_options(*sub, cmd->audit);
  add_output_options(*sub, cmd->audit.output, {"text", "json", "md", "html", "csv"});
  add_lang_option(*sub, cmd->audit.lang);
  sub->callback([cmd, &runner] { runner = [cmd] { return run(*cmd); }; });
}

} // namespace empreinte::app
