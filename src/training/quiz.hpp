// The trainees' quiz on a training persona: which traces are whose, whether they are about the
// persona, what they expose and what to do. Items come from the persona's labels
// (training/personas/<id>.labels.json) and the saved pages of the corpus; the labels are the key.
#pragma once

#include "util/result.hpp"

#include <cstdint>
#include <filesystem>
#include <istream>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace empreinte::training {

// The four answers to one item.
struct Answer
{
  std::optional<std::string> kind;        // voluntary | inherited | involuntary
  std::optional<bool> about_subject;
  std::optional<std::vector<std::string>> exposes; // categories, sorted; empty: nothing
  std::optional<std::string> action;      // see k_actions
};

// One trace of the quiz: what the trainee sees and the key.
struct QuizItem
{
  std::string file;    // the saved page, relative to training/corpus
  std::string url;     // the live address (shown as text, never linked)
  std::string site;    // the host of `url`
  std::string title;   // of the saved page
  std::string snippet; // its description, else the start of its text
  Answer key;          // all four set
  std::string why;     // the label's one-line reason, in English
  std::string why_fr;  // the same in French; "" when the label has none

  // The reason in `lang` ("fr": the French one when there is one; else English).
  const std::string& why_in(const std::string& lang) const
  {
    return lang == "fr" && !why_fr.empty() ? why_fr : why;
  }
};

struct Quiz
{
  std::string persona;      // id
  std::string persona_name; // "Hélène Vasseur"
  std::string persona_about; // job, employer, place, as the persona file gives them
  std::vector<QuizItem> items; // in the order of the labels file
};

// Trace kinds, data categories and actions an answer may name.
extern const std::vector<std::string> k_kinds;
extern const std::vector<std::string> k_categories;
extern const std::vector<std::string> k_actions; // delete_or_hide, ask_publisher, opt_out, nothing

// The action a label calls for: nothing for a page about someone else, else by kind.
std::string action_for(const std::string& kind, bool about_subject);

// Reads the persona, its labels and the saved pages under `training` (holding personas/ and
// corpus/). An unknown persona or a broken labels file is an input error.
util::Result<Quiz> load_quiz(const std::filesystem::path& training, const std::string& persona);

// The items of the quiz: `count` of them (0 or more than there are: all), a mix of the three
// kinds and of pages about someone else, in an order fixed by `seed` (the same on every
// machine: the worksheet, the key and the terminal quiz agree when given the same seed).
std::vector<QuizItem> pick_items(const Quiz& quiz, std::uint64_t seed, std::size_t count);

// Score of a set of answers.
struct ItemScore
{
  std::size_t number = 0; // 1-based, as on the sheet
  const QuizItem* item = nullptr;
  Answer given;
  bool kind = false, about = false, exposes = false, action = false;
  int points() const { return int(kind) + int(about) + int(exposes) + int(action); }
};

struct Score
{
  std::vector<ItemScore> items;
  int points() const;
  int max_points() const { return static_cast<int>(items.size()) * 4; }
};

ItemScore score_item(std::size_t number, const QuizItem& item, const Answer& given);

// The answer sheet as JSON: blank (every answer null) or, with `key`, filled with the key and
// each item's why. Schema "empreinte/quiz-sheet/v1".
nlohmann::ordered_json answer_sheet(const Quiz& quiz,
                                    const std::vector<QuizItem>& items,
                                    std::uint64_t seed,
                                    const std::string& lang,
                                    bool key);

// Scores a filled answer sheet against the persona's labels. Items are matched by their page
// ("page"), so a sheet may hold any of the persona's traces; a bad value is an input error
// naming the item. Unanswered questions (null) score nothing.
util::Result<Score> score_sheet(const Quiz& quiz, const nlohmann::json& sheet, const std::string& source);

// The scores as text (each item, what was right, the key and why) and as JSON.
std::string render_score_text(const Quiz& quiz, const Score& score, const std::string& lang);
nlohmann::ordered_json score_json(const Quiz& quiz, const Score& score);

// The printable worksheet, or with `key` the answer key: self-contained HTML, no script, no
// link (the saved page's path is shown as text).
std::string render_worksheet_html(const Quiz& quiz,
                                  const std::vector<QuizItem>& items,
                                  std::uint64_t seed,
                                  const std::string& lang,
                                  bool key);

// The quiz on a terminal: one item at a time from `in`, feedback at once, the score at the end.
// Returns the score; stops early (what was answered is scored) at the end of `in` or on "q".
Score run_interactive(const Quiz& quiz,
                      const std::vector<QuizItem>& items,
                      const std::string& lang,
                      std::istream& in,
                      std::ostream& out);

} // namespace empreinte::training
