// `empreinte requests add|list|extend|done|complaint`: the removal requests a person sent, their
// legal deadlines, whether the page went away, and the complaint when it did not.
#include "app/commands.hpp"
#include "app/cmd_requests_shared.hpp"
#include "app/data_paths.hpp"
#include "app/exit_codes.hpp"
#include "app/history_access.hpp"
#include "app/lang_option.hpp"
#include "app/pipeline.hpp"
#include "history/requests.hpp"
#include "report/i18n.hpp"
#include "report/letter.hpp"
#include "util/fs.hpp"
#include "util/terminal.hpp"
#include "util/text.hpp"

#include <fmt/format.h>
#include <memory>

namespace empreinte::app {

namespace requests {

std::string today()
{
  return util::format_date(util::process_clock().now());
}

util::Result<history::Request> existing(const history::Store& store, std::int64_t id)
{
  auto r = store.request(id);
  if (!r) {
    return r.error();
  }
  if (!*r) {
    return util::input_error(
        "no request #" + std::to_string(id), "ID", "'empreinte requests list' shows them");
  }
  return **r;
}

} // namespace requests

using requests::existing;
using requests::today;
using RequestsCommand = requests::Command;

namespace {

using nlohmann::ordered_json;
using report::tr;
using report::tr_or;

util::Result<std::string> checked_date(const std::string& value, const char* flag)
{
  if (value.empty()) {
    return today();
  }
  const auto t = util::parse_time(value);
  if (!t || value.size() != 10) {
    return util::input_error(
        "\"" + value + "\" is not a date", flag, "write it as YYYY-MM-DD, e.g. 2026-11-22");
  }
  if (value > today()) {
    return util::input_error(
        "\"" + value + "\" is in the future", flag, "give the day it happened");
  }
  return value;
}

// The jurisdiction whose deadline applies: --jurisdiction, else the report's own, else the
// report's language (French: FR, else GB), which a note points out.
std::string jurisdiction_of(const RequestsCommand& cmd, const nlohmann::json& report, bool& assumed)
{
  assumed = false;
  if (!cmd.jurisdiction.empty()) {
    std::string id = cmd.jurisdiction;
    for (auto& c : id) {
      c = c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    }
    return id;
  }
  if (report.contains("jurisdiction")) {
    const auto& j = report["jurisdiction"];
    if (j.is_string()) {
      return j.get<std::string>();
    }
    if (j.is_object() && j.contains("id") && j["id"].is_string()) {
      return j["id"].get<std::string>();
    }
  }
  assumed = true;
  return report.value("lang", "en") == "fr" ? "FR" : "GB";
}

util::Result<history::Store> writable_store()
{
  auto store = open_history(history::Store::Access::read_write);
  if (!store) {
    return store.error();
  }
  return std::move(**store);
}

util::Result<history::Jurisdictions> jurisdictions()
{
  auto data = find_data_paths();
  if (!data) {
    return history::Jurisdictions::builtin();
  }
  return history::Jurisdictions::load(data->root / "rules");
}

int run_add(const RequestsCommand& cmd)
{
  const std::string lang = resolve_lang(cmd.lang);
  auto sent = checked_date(cmd.sent, "--sent");
  if (!sent) {
    return report_error(sent.error());
  }
  auto store = writable_store();
  if (!store) {
    return report_error(store.error());
  }
  auto subject = choose_subject(*store, cmd.subject);
  if (!subject) {
    return report_error(subject.error());
  }
  auto latest = store->latest(*subject);
  if (!latest) {
    return report_error(latest.error());
  }
  auto report = store->report(latest->value());
  if (!report) {
    return report_error(report.error());
  }
  const nlohmann::json* trace = nullptr;
  for (const auto& t : (*report)["traces"]) {
    if (t.value("id", "") == cmd.trace || t.value("url", "") == cmd.trace) {
      trace = &t;
    }
  }
  if (!trace) {
    return report_error(util::input_error(
        "no trace \"" + cmd.trace + "\" in the latest audit of " + *subject,
        "TRACE",
        "give a trace id or URL from 'empreinte audit' (run it again if the page is new)"));
  }
  bool assumed = false;
  history::Request r;
  r.subject = *subject;
  r.trace = trace->value("id", "");
  r.url = trace->value("url", "");
  r.domain = trace->value("domain", "");
  r.title = trace->value("title", "");
  r.run = latest->value();
  r.right = cmd.right;
  r.via = cmd.via;
  r.sent = *sent;
  r.jurisdiction = jurisdiction_of(cmd, *report, assumed);
  r.origin = request_origin(*report, *trace);
  auto id = store->add_request(r);
  if (!id) {
    return report_error(id.error());
  }
  auto rules = jurisdictions();
  if (!rules) {
    return report_error(rules.error());
  }
  const auto status =
      history::request_status(r, rules->find(r.jurisdiction), util::process_clock(), lang);
  const std::string right = tr_or(lang, "right." + r.right, r.right);
  fmt::print("{}\n",
             status.due.empty()
                 ? tr(lang, "requests.added_no_deadline", {std::to_string(*id), right})
                 : tr(lang, "requests.added", {std::to_string(*id), right, status.due}));
  if (assumed) {
    note(cmd.output,
         fmt::format("deadline of jurisdiction {} assumed from the report's language: "
                     "give --jurisdiction CC (FR, GB, DE, US-CA...) to change it",
                     r.jurisdiction));
  }
  return k_exit_ok;
}

// The newest audit of the subject, to tell whether each request's page is still there.
struct Latest
{
  nlohmann::json report;
  std::string date;
};

ordered_json request_json(const history::Request& r,
                          const history::RequestStatus& s,
                          const std::string& page,
                          const std::vector<history::RequestEvent>& events)
{
  auto opt = [](const std::string& v) {
    return v.empty() ? ordered_json(nullptr) : ordered_json(v);
  };
  ordered_json list = ordered_json::array();
  for (const auto& e : events) {
    list.push_back({{"at", e.at}, {"what", e.what}, {"detail", opt(e.detail)}});
  }
  return {{"id", r.id},
          {"trace", r.trace},
          {"url", r.url},
          {"title", r.title},
          {"domain", r.domain},
          {"right", r.right},
          {"via", opt(r.via)},
          {"sent", r.sent},
          {"jurisdiction", r.jurisdiction},
          {"due", opt(s.due)},
          {"extended_due", opt(s.extended_due)},
          {"cite", opt(s.cite)},
          {"extended", r.extended},
          {"outcome", opt(r.outcome)},
          {"done", opt(r.done)},
          {"overdue", s.overdue},
          {"days_late", s.overdue ? ordered_json(s.days) : ordered_json(nullptr)},
          {"days_left",
           s.open && !s.overdue && !s.due.empty() ? ordered_json(s.days) : ordered_json(nullptr)},
          {"complaint_due", s.complaint_due},
          {"page", page},
          {"events", list}};
}

int run_list(const RequestsCommand& cmd)
{
  const std::string lang = resolve_lang(cmd.lang);
  auto opened = open_history(history::Store::Access::read_only);
  if (!opened) {
    return report_error(opened.error());
  }
  std::vector<history::Request> requests;
  Latest latest;
  std::string subject;
  if (*opened) {
    auto chosen = choose_subject(**opened, cmd.subject);
    if (!chosen) {
      return report_error(chosen.error());
    }
    subject = *chosen;
    auto found = (*opened)->requests(subject);
    if (!found) {
      return report_error(found.error());
    }
    requests = std::move(*found);
    if (auto id = (*opened)->latest(subject); id && *id) {
      if (auto report = (*opened)->report(**id)) {
        latest.report = std::move(*report);
        latest.date = latest.report.value("generated_at", "").substr(0, 10);
      }
    }
  }
  auto rules = jurisdictions();
  if (!rules) {
    return report_error(rules.error());
  }
  ordered_json out_json = ordered_json::array();
  std::string text;
  util::Style style;
  style.enabled =
      cmd.output.output.empty() && cmd.output.format == "text" && util::use_color(stdout);
  for (const auto& r : requests) {
    const auto status =
        history::request_status(r, rules->find(r.jurisdiction), util::process_clock(), lang);
    nlohmann::json origin = nlohmann::json::parse(r.origin, nullptr, false);
    if (origin.is_discarded() || !origin.is_object()) {
      if (auto report = (*opened)->report(r.run)) {
        origin = std::move(*report);
      }
    }
    const std::string page = history::page_state(r, origin, latest.report, nullptr);
    auto events = (*opened)->request_events(r.id);
    if (!events) {
      return report_error(events.error());
    }
    out_json.push_back(request_json(r, status, page, *events));
    const std::string right = tr_or(lang, "right." + r.right, r.right);
    std::string head =
        fmt::format("#{}  {} · {}", r.id, right, tr(lang, "requests.sent", {r.sent}));
    if (!r.via.empty()) {
      head += " " + tr_or(lang, "via." + r.via, r.via);
    }
    head += " · " + r.jurisdiction;
    text += style.bold(head) + "\n";
    text += "    " +
            util::safe_excerpt(r.title.empty() ? r.url : r.title, 110) +
            "\n";
    text += "    " + style.dim(util::safe_excerpt(r.url, 160)) + "\n";
    std::string deadline;
    if (!r.outcome.empty()) {
      deadline =
          tr(lang, "requests.closed", {r.done, tr_or(lang, "outcome." + r.outcome, r.outcome)});
    } else if (status.due.empty()) {
      deadline = tr(lang, "requests.no_deadline", {r.jurisdiction});
    } else {
      deadline = r.extended && !status.extended_due.empty()
                     ? tr(lang, "requests.extended", {status.extended_due})
                     : tr(lang, "requests.due", {status.due, status.cite});
      deadline +=
          " — " + (status.overdue
                       ? style.red(tr(lang, "requests.overdue", {std::to_string(status.days)}))
                       : tr(lang, "requests.days_left", {std::to_string(status.days)}));
      if (!r.extended && !status.extended_due.empty() && !status.overdue) {
        deadline += "; " + tr(lang, "requests.can_extend", {status.extended_due});
      }
    }
    text += "    " + deadline + "\n";
    if (!latest.date.empty()) {
      text += "    " +
              tr(lang, "requests.page_state", {latest.date, tr(lang, "request_state." + page)}) +
              "\n";
    }
    if (status.complaint_due && page != "gone" && page != "gone_now") {
      text +=
          "    " +
          style.yellow("\u2192 " + tr(lang, "requests.complaint_hint", {std::to_string(r.id)})) +
          "\n";
    } else if (r.outcome.empty() && (page == "gone" || page == "gone_now")) {
      // The page went away: the request did its work, or something else did; either way the
      // person closes it, or it stays overdue and keeps being listed.
      text += "    " +
              style.green("\u2192 " + tr(lang, "requests.close_hint", {std::to_string(r.id)})) +
              "\n";
    }
  }
  std::string content;
  if (cmd.output.format == "json") {
    content = ordered_json{{"schema", "empreinte/requests/v1"},
                           {"subject", subject},
                           {"today", today()},
                           {"requests", out_json}}
                  .dump(2) +
              "\n";
  } else {
    content = requests.empty() ? tr(lang, "requests.none") + "\n" : text;
  }
  if (auto s = write_output(cmd.output, content); !s) {
    return report_error(s.error());
  }
  return k_exit_ok;
}

int run_update(const RequestsCommand& cmd)
{
  const std::string lang = resolve_lang(cmd.lang);
  auto date = checked_date(cmd.date, "--date");
  if (!date) {
    return report_error(date.error());
  }
  auto store = writable_store();
  if (!store) {
    return report_error(store.error());
  }
  auto r = existing(*store, cmd.id);
  if (!r) {
    return report_error(r.error());
  }
  if (*date < r->sent) {
    return report_error(
        util::input_error("the date is before the request was sent (" + r->sent + ")",
                          "--date",
                          "give the day it happened"));
  }
  if (cmd.action == "extend") {
    if (auto s = store->extend_request(cmd.id, *date); !s) {
      return report_error(s.error());
    }
    auto rules = jurisdictions();
    if (!rules) {
      return report_error(rules.error());
    }
    r->extended = true;
    const auto status =
        history::request_status(*r, rules->find(r->jurisdiction), util::process_clock(), lang);
    fmt::print("#{}: {}\n",
               cmd.id,
               status.extended_due.empty() ? tr(lang, "requests.no_deadline", {r->jurisdiction})
                                           : tr(lang, "requests.extended", {status.extended_due}));
    return k_exit_ok;
  }
  if (auto s = store->close_request(cmd.id, cmd.outcome, *date); !s) {
    return report_error(s.error());
  }
  fmt::print(
      "#{}: {}\n",
      cmd.id,
      tr(lang, "requests.closed", {*date, tr_or(lang, "outcome." + cmd.outcome, cmd.outcome)}));
  if (cmd.outcome != "removed") {
    fmt::print("\u2192 {}\n", tr(lang, "requests.complaint_hint", {std::to_string(cmd.id)}));
  }
  return k_exit_ok;
}

} // namespace

void add_requests_command(CLI::App& app, Runner& runner)
{
  auto cmd = std::make_shared<RequestsCommand>();
  CLI::App* top = app.add_subcommand(
      "requests",
      "Record removal requests, follow their legal deadlines, and complain when they fail");
  top->footer(k_exit_help);
  top->require_subcommand(1);
  auto subject = [&](CLI::App* s) {
    s->add_option(
        "--subject", cmd->subject, "Whose requests, when the history holds several people");
    add_lang_option(*s, cmd->lang);
  };

  CLI::App* add =
      top->add_subcommand("add", "Record a request sent about one trace of the latest audit");
  add->add_option("TRACE", cmd->trace, "The trace id (or URL) in the latest audit")->required();
  add->add_option("--right", cmd->right, "What was asked")
      ->required()
      ->check(CLI::IsMember({"erasure", "rectification", "objection", "delist"}));
  add->add_option("--sent", cmd->sent, "When it was sent, YYYY-MM-DD (default: today)");
  add->add_option("--via", cmd->via, "How it was sent")
      ->check(CLI::IsMember({"email", "post", "form"}));
  add->add_option("--jurisdiction",
                  cmd->jurisdiction,
                  "Whose law sets the deadline: FR, GB, DE, US-CA... (default: the report's, else "
                  "from its language)");
  subject(add);
  add->callback([cmd, &runner] { runner = [cmd] { return run_add(*cmd); }; });

  CLI::App* list = top->add_subcommand(
      "list", "The requests, their deadlines (overdue flagged) and their pages");
  subject(list);
  add_output_options(*list, cmd->output, {"text", "json"});
  list->callback([cmd, &runner] { runner = [cmd] { return run_list(*cmd); }; });

  CLI::App* extend =
      top->add_subcommand("extend", "The controller extended the deadline, as the law allows");
  extend->add_option("ID", cmd->id, "The request number")->required();
  extend->add_option("--date", cmd->date, "When you were told, YYYY-MM-DD (default: today)");
  add_lang_option(*extend, cmd->lang);
  extend->callback([cmd, &runner] {
    cmd->action = "extend";
    runner = [cmd] { return run_update(*cmd); };
  });

  CLI::App* done = top->add_subcommand("done", "Close a request with its outcome");
  done->add_option("ID", cmd->id, "The request number")->required();
  done->add_option("--outcome", cmd->outcome, "What came of it")
      ->required()
      ->check(CLI::IsMember({"removed", "refused", "no-answer"}));
  done->add_option("--date", cmd->date, "When, YYYY-MM-DD (default: today)");
  add_lang_option(*done, cmd->lang);
  done->callback([cmd, &runner] {
    cmd->action = "done";
    runner = [cmd] { return run_update(*cmd); };
  });

  CLI::App* complaint = top->add_subcommand("complaint",
                                            "The complaint letter to the data-protection "
                                            "authority, pre-filled with the request's history");
  complaint->add_option("ID", cmd->id, "The request number")->required();
  complaint->add_option(
      "--authority", cmd->authority, "Authority id or country code (default: the jurisdiction's)");
  complaint->add_option("--lang", cmd->lang, "Language of the letter (default: the locale's)")
      ->check(CLI::IsMember({"fr", "en"}));
  complaint->add_option("-o,--output", cmd->output.output, "Write to FILE instead of stdout");
  complaint->callback([cmd, &runner] { runner = [cmd] { return requests::run_complaint(*cmd); }; });
}

} // namespace empreinte::app
