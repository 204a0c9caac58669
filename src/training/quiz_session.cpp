// The quiz on a terminal: one question at a time, feedback after each item.
#include "training/quiz.hpp"
#include "training/quiz_words.hpp"

#include "report/i18n.hpp"
#include "util/terminal.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <sstream>

namespace empreinte::training {

using report::tr;

namespace {

enum class Read { ok, quit };

// Asks until one of 1..n (or "q"); the chosen index in `choice`.
Read ask_choice(std::istream& in, std::ostream& out, const std::string& lang,
                const std::vector<std::string>& options, std::size_t& choice)
{
  for (std::size_t k = 0; k < options.size(); ++k) {
    out << "    " << (k + 1) << ". " << options[k] << "\n";
  }
  for (;;) {
    out << "  " << tr(lang, "quiz.prompt") << " " << std::flush;
    std::string line;
    if (!std::getline(in, line)) {
      return Read::quit;
    }
    line = util::squeeze_spaces(line);
    if (line == "q" || line == "Q") {
      return Read::quit;
    }
    try {
      std::size_t used = 0;
      const unsigned long n = std::stoul(line, &used);
      if (used == line.size() && n >= 1 && n <= options.size()) {
        choice = n - 1;
        return Read::ok;
      }
    } catch (const std::exception&) {
    }
    out << "  " << tr(lang, "quiz.invalid") << "\n";
  }
}

// Several numbers, or 0 for none.
Read ask_many(std::istream& in, std::ostream& out, const std::string& lang,
              const std::vector<std::string>& options, std::vector<std::size_t>& chosen)
{
  // Three columns, padded by characters (French words have accents).
  for (std::size_t k = 0; k < options.size(); ++k) {
    const std::string cell = std::to_string(k + 1) + ". " + options[k];
    out << "    " << cell;
    if (k % 3 == 2 || k + 1 == options.size()) {
      out << "\n";
    } else {
      out << std::string(util::char_count(cell) < 28 ? 28 - util::char_count(cell) : 1, ' ');
    }
  }
  out << "    0. " << tr(lang, "quiz.nothing_exposed") << "\n";
  for (;;) {
    out << "  " << tr(lang, "quiz.prompt_many") << " " << std::flush;
    std::string line;
    if (!std::getline(in, line)) {
      return Read::quit;
    }
    for (char& c : line) {
      if (c == ',' || c == ';') {
        c = ' ';
      }
    }
    line = util::squeeze_spaces(line);
    if (line == "q" || line == "Q") {
      return Read::quit;
    }
    std::istringstream words(line);
    std::string w;
    chosen.clear();
    bool valid = !line.empty();
    while (words >> w) {
      if (w == "0") {
        continue;
      }
      try {
        std::size_t used = 0;
        const unsigned long n = std::stoul(w, &used);
        if (used != w.size() || n < 1 || n > options.size()) {
          valid = false;
        } else {
          chosen.push_back(n - 1);
        }
      } catch (const std::exception&) {
        valid = false;
      }
    }
    if (valid) {
      return Read::ok;
    }
    out << "  " << tr(lang, "quiz.invalid") << "\n";
  }
}

} // namespace

Score run_interactive(const Quiz& quiz,
                      const std::vector<QuizItem>& items,
                      const std::string& lang,
                      std::istream& in,
                      std::ostream& out)
{
  Score score;
  out << tr(lang, "quiz.title", {quiz.persona_name});
  if (!quiz.persona_about.empty()) {
    out << " (" << quiz.persona_about << ")";
  }
  out << "\n" << tr(lang, "quiz.intro", {quiz.persona_name}) << "\n";
  std::vector<std::string> kinds, cats, actions;
  for (const auto& k : k_kinds) {
    kinds.push_back(kind_choice(lang, k));
  }
  for (const auto& c : k_categories) {
    cats.push_back(tr(lang, "category." + c));
  }
  for (const auto& a : k_actions) {
    actions.push_back(tr(lang, "quiz.action." + a));
  }
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& it = items[i];
    out << "\n"
        << tr(lang, "quiz.item_of", {std::to_string(i + 1), std::to_string(items.size()),
                                     util::strip_controls(it.title)})
        << "\n  " << tr(lang, "quiz.site") << report::colon(lang) << it.site << "\n  "
        << util::wrap(util::strip_controls(it.snippet), 76, "  ", 2) << "\n\n";
    Answer a;
    std::size_t c = 0;
    out << " " << tr(lang, "quiz.q.kind") << "\n";
    if (ask_choice(in, out, lang, kinds, c) == Read::quit) {
      break;
    }
    a.kind = k_kinds[c];
    out << " " << tr(lang, "quiz.q.about", {quiz.persona_name}) << "\n";
    if (ask_choice(in, out, lang, {tr(lang, "quiz.yes"), tr(lang, "quiz.no")}, c) == Read::quit) {
      break;
    }
    a.about_subject = c == 0;
    out << " " << tr(lang, "quiz.q.exposes") << "\n";
    std::vector<std::size_t> many;
    if (ask_many(in, out, lang, cats, many) == Read::quit) {
      break;
    }
    std::vector<std::string> chosen;
    for (const auto m : many) {
      chosen.push_back(k_categories[m]);
    }
    std::sort(chosen.begin(), chosen.end());
    chosen.erase(std::unique(chosen.begin(), chosen.end()), chosen.end());
    a.exposes = chosen;
    out << " " << tr(lang, "quiz.q.action", {quiz.persona_name}) << "\n";
    if (ask_choice(in, out, lang, actions, c) == Read::quit) {
      break;
    }
    a.action = k_actions[c];
    score.items.push_back(score_item(i + 1, it, a));
    out << "\n" << feedback_text(lang, score.items.back())
        << "  " << fmt::format("{}/4", score.items.back().points()) << "\n";
  }
  if (score.items.size() < items.size()) {
    out << "\n" << tr(lang, "quiz.stopped", {std::to_string(score.items.size())}) << "\n";
  }
  out << "\n" << score_line(lang, score) << "\n";
  return score;
}

} // namespace empreinte::training
