// `empreinte mark URL --me|--not-me --profile FILE`: settles one page without a terminal.
#include "app/commands.hpp"
#include "app/exit_codes.hpp"
#include "app/history_access.hpp"
#include "app/lang_option.hpp"
#include "history/marks.hpp"
#include "report/i18n.hpp"
#include "traces/url_normalise.hpp"
#include "util/fs.hpp"
#include "util/json_fields.hpp"

#include <fmt/format.h>
#include <memory>

namespace empreinte::app {

namespace {

struct MarkCommand
{
  std::string target;
  bool me = false;
  bool not_me = false;
  std::string profile;
  std::string lang;
};

bool is_trace_id(const std::string& s)
{
  return s.size() == 13 && s[0] == 't' &&
         s.find_first_not_of("0123456789abcdef", 1) == std::string::npos;
}

// A trace id is looked up in the latest stored audit of the profile's person.
util::Result<std::string> url_of_trace(const std::string& id, const std::string& profile_path)
{
  auto text = util::read_file(profile_path, 1024 * 1024);
  if (!text) {
    return text.error();
  }
  auto profile = util::parse_json(*text, profile_path);
  if (!profile) {
    return profile.error();
  }
  auto store = open_history(history::Store::Access::read_only);
  if (!store) {
    return store.error();
  }
  const std::string subject = history::subject_key(*profile);
  std::optional<std::int64_t> latest;
  if (*store) {
    auto found = (*store)->latest(subject);
    if (!found) {
      return found.error();
    }
    latest = *found;
  }
  if (!latest) {
    return util::input_error("no stored audit of " + subject + " to find trace " + id + " in",
                             id,
                             "give the page's URL instead");
  }
  auto report = (*store)->report(*latest);
  if (!report) {
    return report.error();
  }
  for (const auto& t : (*report)["traces"]) {
    if (t.value("id", "") == id) {
      return t.value("url", "");
    }
  }
  return util::input_error(
      "no trace " + id + " in the latest audit of " + subject, id, "give the page's URL instead");
}

int run_mark(const MarkCommand& cmd)
{
  const std::string lang = resolve_lang(cmd.lang);
  std::string url;
  if (is_trace_id(cmd.target)) {
    auto found = url_of_trace(cmd.target, cmd.profile);
    if (!found) {
      return report_error(found.error());
    }
    url = *found;
  } else {
    const auto normalised = traces::normalise_url(cmd.target);
    if (!normalised) {
      return report_error(
          util::input_error("\"" + cmd.target + "\" is not an http(s) URL",
                            "URL",
                            "give the page's address as the report shows it, or its trace id"));
    }
    url = *normalised;
  }
  const auto mark = cmd.me ? history::Mark::me : history::Mark::not_me;
  auto changed = history::mark_in_profile(cmd.profile, url, mark);
  if (!changed) {
    return report_error(changed.error());
  }
  const char* key = !*changed ? "mark.already" : cmd.me ? "mark.me" : "mark.not_me";
  fmt::print("{}\n", report::tr(lang, key, {url, cmd.profile}));
  return k_exit_ok;
}

} // namespace

void add_mark_command(CLI::App& app, Runner& runner)
{
  auto cmd = std::make_shared<MarkCommand>();
  CLI::App* sub = app.add_subcommand(
      "mark",
      "Say that a page is about you (--me) or about someone else (--not-me), in the profile file");
  sub->footer(k_exit_help);
  sub->add_option("URL", cmd->target, "The page's URL, or its trace id in the latest stored audit")
      ->required();
  auto* me = sub->add_flag("--me", cmd->me, "The page is about you: add it to is_me");
  auto* not_me =
      sub->add_flag("--not-me", cmd->not_me, "The page is about someone else: add it to not_me");
  me->excludes(not_me);
  sub->add_option("--profile", cmd->profile, "The profile file to update (docs/profile.md)")
      ->required();
  add_lang_option(*sub, cmd->lang);
  sub->callback([cmd, &runner] {
    if (!cmd->me && !cmd->not_me) {
      throw CLI::RequiredError("--me or --not-me");
    }
    runner = [cmd] { return run_mark(*cmd); };
  });
}

} // namespace empreinte::app
