// `empreinte quiz`: the trainees' quiz on a training persona, on a terminal or on paper.
#include "app/commands.hpp"
#include "app/data_paths.hpp"
#include "app/exit_codes.hpp"
#include "app/lang_option.hpp"
#include "training/quiz.hpp"
#include "util/fs.hpp"
#include "util/json_fields.hpp"
#include "util/terminal.hpp"

#include <cstdio>
#include <fmt/format.h>
#include <iostream>
#include <memory>

namespace empreinte::app {

namespace {

constexpr const char* k_quiz_exit_help =
    "Exit codes: 0 quiz done, sheet printed or answers scored (whatever the score), 1 runtime "
    "error, 2 usage or input error (no terminal for the interactive quiz, an unknown persona, an "
    "answer sheet that is not JSON or holds a bad answer: the message names the item).";

struct QuizCommand
{
  std::string persona = "helene-vasseur";
  std::string lang;
  std::uint64_t seed = 1;
  std::size_t count = 10;
  bool key = false;
  std::string answers;
  OutputOptions output;
};

int run(const QuizCommand& cmd)
{
  const bool interactive = cmd.answers.empty() && cmd.output.format == "text";
  if (cmd.key && (interactive || !cmd.answers.empty())) {
    return report_error(util::input_error("--key prints the answer key of a sheet", "--key",
                                          "use it with --format json or --format html"));
  }
  if (!cmd.answers.empty() && cmd.output.format == "html") {
    return report_error(util::input_error("the scores of an answer sheet are text or JSON",
                                          "--format", "use --format text or json with --answers"));
  }
  if (interactive && !cmd.output.output.empty()) {
    return report_error(util::input_error("the interactive quiz runs on the terminal", "-o",
                                          "use -o with --format json or html, or with --answers"));
  }
  if (interactive && (!util::is_terminal(stdin) || !util::is_terminal(stdout))) {
    return report_error(util::input_error(
        "the interactive quiz needs a terminal", "quiz",
        "without one, print a blank answer sheet with --format json (fill it, then score it with "
        "--answers FILE) or a printable worksheet with --format html (its answer key with --key)"));
  }
  auto data = find_data_paths();
  if (!data) {
    return report_error(data.error());
  }
  auto quiz = training::load_quiz(data->training(), cmd.persona);
  if (!quiz) {
    return report_error(quiz.error());
  }
  const std::string lang = resolve_lang(cmd.lang);
  if (!cmd.answers.empty()) {
    auto text = util::read_file(cmd.answers);
    if (!text) {
      return report_error(text.error());
    }
    auto sheet = util::parse_json(*text, cmd.answers);
    if (!sheet) {
      return report_error(sheet.error());
    }
    auto score = training::score_sheet(*quiz, *sheet, cmd.answers);
    if (!score) {
      return report_error(score.error());
    }
    const std::string out = cmd.output.format == "json"
                                ? training::score_json(*quiz, *score).dump(2) + "\n"
                                : training::render_score_text(*quiz, *score, lang);
    if (auto s = write_output(cmd.output, out); !s) {
      return report_error(s.error());
    }
    return k_exit_ok;
  }
  const auto items = training::pick_items(*quiz, cmd.seed, cmd.count);
  if (interactive) {
    training::run_interactive(*quiz, items, lang, std::cin, std::cout);
    std::cout.flush();
    return k_exit_ok;
  }
  const std::string out =
      cmd.output.format == "json"
          ? training::answer_sheet(*quiz, items, cmd.seed, lang, cmd.key).dump(2) + "\n"
          : training::render_worksheet_html(*quiz, items, cmd.seed, lang, cmd.key);
  if (auto s = write_output(cmd.output, out); !s) {
    return report_error(s.error());
  }
  return k_exit_ok;
}

} // namespace

void add_quiz_command(CLI::App& app, Runner& runner)
{
  auto cmd = std::make_shared<QuizCommand>();
  CLI::App* sub = app.add_subcommand(
      "quiz", "Quiz trainees on a training persona's traces: on a terminal, or a worksheet to "
              "print and score");
  sub->footer(k_quiz_exit_help);
  sub->add_option("--persona", cmd->persona, "Training persona (file name in training/personas)")
      ->capture_default_str();
  sub->add_option("--seed", cmd->seed,
                  "Order of the traces: the same seed gives the same traces in the same order, "
                  "on the terminal, the worksheet and the answer key")
      ->capture_default_str();
  sub->add_option("--count", cmd->count,
                  "Number of traces, a mix of the three kinds and of namesakes (0: all)")
      ->capture_default_str();
  sub->add_option("--answers", cmd->answers,
                  "Score a filled answer sheet (from --format json) instead of asking")
      ->check(CLI::ExistingFile);
  sub->add_flag("--key", cmd->key,
                "With --format json or html: the answer key (with the reasons) instead of the "
                "blank sheet");
  add_output_options(*sub, cmd->output, {"text", "json", "html"});
  add_lang_option(*sub, cmd->lang);
  sub->callback([cmd, &runner] { runner = [cmd] { return run(*cmd); }; });
}

} // namespace empreinte::app
