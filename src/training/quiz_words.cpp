// The words of the quiz (report/i18n "quiz.*" keys), shared by the worksheet, the scores and
// the session on a terminal.
#include "training/quiz_words.hpp"

#include "report/i18n.hpp"
#include "util/terminal.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

namespace empreinte::training {

using report::tr;

std::string kind_choice(const std::string& lang, const std::string& kind)
{
  return tr(lang, "quiz.kind." + kind);
}

std::string yes_no(const std::string& lang, bool value)
{
  return tr(lang, value ? "quiz.yes" : "quiz.no");
}

std::string categories_text(const std::string& lang, const std::vector<std::string>& categories)
{
  if (categories.empty()) {
    return tr(lang, "quiz.nothing_exposed");
  }
  std::vector<std::string> names;
  for (const auto& c : categories) {
    names.push_back(tr(lang, "category." + c));
  }
  return util::join(names, ", ");
}

std::string answer_text(const std::string& lang, const std::optional<std::string>& v,
                        std::string_view prefix)
{
  return v ? tr(lang, std::string(prefix) + *v) : tr(lang, "quiz.no_answer");
}

namespace {

int percent(int points, int max)
{
  return max > 0 ? (points * 100 + max / 2) / max : 0;
}

} // namespace

std::string feedback_text(const std::string& lang, const ItemScore& s)
{
  const QuizItem& item = *s.item;
  const auto mark = [&](bool right) { return tr(lang, right ? "quiz.right" : "quiz.wrong"); };
  std::string out;
  const auto line = [&](bool right, std::string_view question, const std::string& given,
                        const std::string& expected) {
    out += fmt::format("  {}{}{}", tr(lang, std::string(question)), report::colon(lang),
                       mark(right));
    if (!right) {
      out += fmt::format(" ({}{}{}; {}{}{})", tr(lang, "quiz.you"), report::colon(lang), given,
                         tr(lang, "quiz.expected"), report::colon(lang), expected);
    } else {
      out += fmt::format(" ({})", expected);
    }
    out += "\n";
  };
  line(s.kind, "quiz.key.kind", answer_text(lang, s.given.kind, "kind_label."),
       tr(lang, "kind_label." + *item.key.kind));
  line(s.about, "quiz.key.about",
       s.given.about_subject ? yes_no(lang, *s.given.about_subject) : tr(lang, "quiz.no_answer"),
       yes_no(lang, *item.key.about_subject));
  line(s.exposes, "quiz.key.exposes",
       s.given.exposes ? categories_text(lang, *s.given.exposes) : tr(lang, "quiz.no_answer"),
       categories_text(lang, *item.key.exposes));
  line(s.action, "quiz.key.action", answer_text(lang, s.given.action, "quiz.action."),
       tr(lang, "quiz.action." + *item.key.action));
  out += fmt::format("  {}{}{}\n", tr(lang, "quiz.why"), report::colon(lang),
                     util::strip_controls(item.why_in(lang)));
  return out;
}

std::string score_line(const std::string& lang, const Score& score)
{
  return tr(lang, "quiz.score", {std::to_string(score.points()), std::to_string(score.max_points()),
                                 std::to_string(percent(score.points(), score.max_points()))});
}

} // namespace empreinte::training
