// The labels are the key: nothing here judges a page, it only asks and compares.
#include "training/quiz.hpp"

#include "read/page_reader.hpp"
#include "report/i18n.hpp"
#include "util/fs.hpp"
#include "util/json_fields.hpp"
#include "util/terminal.hpp"
#include "util/text.hpp"
#include "util/url.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <random>
#include <set>
#include <sstream>

namespace empreinte::training {

using report::tr;

const std::vector<std::string> k_kinds{"voluntary", "inherited", "involuntary"};
const std::vector<std::string> k_categories{
    "address", "birthdate", "criminal",  "email",  "embarrassing",       "ethnicity", "financial",
    "health",  "minors",    "national_id", "phone", "politics", "religion", "sexual_orientation",
    "union"};
const std::vector<std::string> k_actions{"delete_or_hide", "ask_publisher", "opt_out", "nothing"};

namespace {

constexpr std::size_t k_snippet_chars = 220;

bool is_one_of(const std::vector<std::string>& list, const std::string& value)
{
  return std::find(list.begin(), list.end(), value) != list.end();
}

// The page's description, else the start of its text, cut at a word.
std::string snippet_of(const parse::PageText& page)
{
  std::string text = util::squeeze_spaces(page.description);
  if (text.size() < 40) {
    text = util::squeeze_spaces(text.empty() ? page.text : text + " " + page.text);
  }
  if (util::char_count(text) <= k_snippet_chars) {
    return text;
  }
  std::string cut = util::truncate_chars(text, k_snippet_chars);
  cut.resize(cut.size() - std::string_view("…").size());
  if (const auto space = cut.rfind(' '); space != std::string::npos && space > cut.size() / 2) {
    cut.resize(space);
  }
  return cut + "…";
}

// Fisher-Yates with the raw output of mt19937_64, which the standard fixes (the standard
// distributions and std::shuffle are not the same everywhere).
template<typename T> void shuffle(std::vector<T>& v, std::mt19937_64& rng)
{
  for (std::size_t i = v.size(); i > 1; --i) {
    std::swap(v[i - 1], v[static_cast<std::size_t>(rng() % i)]);
  }
}

} // namespace

std::string action_for(const std::string& kind, bool about_subject)
{
  if (!about_subject) {
    return "nothing";
  }
  if (kind == "voluntary") {
    return "delete_or_hide";
  }
  return kind == "inherited" ? "ask_publisher" : "opt_out";
}

util::Result<Quiz> load_quiz(const std::filesystem::path& training, const std::string& persona)
{
  const auto persona_file = training / "personas" / (persona + ".json");
  const auto labels_file = training / "personas" / (persona + ".labels.json");
  std::error_code ec;
  if (persona.empty() || persona.find('/') != std::string::npos || persona[0] == '.'
      || !std::filesystem::exists(labels_file, ec)) {
    return util::input_error("unknown training persona \"" + persona + "\"", "--persona",
                             "see the *.labels.json files in " + (training / "personas").string());
  }
  Quiz quiz;
  quiz.persona = persona;
  {
    auto text = util::read_file(persona_file);
    if (!text) {
      return text.error();
    }
    auto parsed = util::parse_json(*text, persona_file.string());
    if (!parsed) {
      return parsed.error();
    }
    const auto& p = *parsed;
    quiz.persona_name = p.value("first_name", std::string()) + " " + p.value("last_name", std::string());
    std::vector<std::string> about;
    if (const auto job = p.find("job"); job != p.end() && job->is_object()) {
      for (const char* k : {"title", "employer"}) {
        if (const auto v = job->value(k, std::string()); !v.empty()) {
          about.push_back(v);
        }
      }
    }
    if (const auto v = p.value("location", std::string()); !v.empty()) {
      about.push_back(v);
    }
    quiz.persona_about = util::join(about, ", ");
  }
  auto text = util::read_file(labels_file);
  if (!text) {
    return text.error();
  }
  auto parsed = util::parse_json(*text, labels_file.string());
  if (!parsed) {
    return parsed.error();
  }
  if (!parsed->is_array()) {
    return util::input_error("the labels are not a JSON array", labels_file.string());
  }
  for (std::size_t i = 0; i < parsed->size(); ++i) {
    util::JsonFields f((*parsed)[i], labels_file.string(), "/" + std::to_string(i));
    f.allow_only({"url", "file", "kind", "about_subject", "sensitive", "pseudonym_link",
                  "job_link", "why", "why_fr"});
    QuizItem item;
    item.url = f.string("url", true);
    item.file = f.string("file", true);
    item.key.kind = f.string("kind", true);
    item.key.about_subject = f.boolean("about_subject", false);
    auto sensitive = f.strings("sensitive");
    item.why = f.string("why", true);
    item.why_fr = f.string("why_fr");
    if (f.error()) {
      return *f.error();
    }
    if (!is_one_of(k_kinds, *item.key.kind)) {
      f.fail("unknown kind \"" + *item.key.kind + "\"", "kind", "use " + util::join(k_kinds, ", "));
    }
    for (const auto& s : sensitive) {
      if (!is_one_of(k_categories, s)) {
        f.fail("unknown data category \"" + s + "\"", "sensitive", "use " + util::join(k_categories, ", "));
      }
    }
    if (f.error()) {
      return *f.error();
    }
    std::sort(sensitive.begin(), sensitive.end());
    sensitive.erase(std::unique(sensitive.begin(), sensitive.end()), sensitive.end());
    item.key.exposes = sensitive;
    item.key.action = action_for(*item.key.kind, *item.key.about_subject);
    const auto url = util::parse_http_url(item.url);
    item.site = url ? url->host : item.url;
    auto html = util::read_file(training / "corpus" / item.file, read::k_max_page_bytes);
    if (!html) {
      return util::input_error("cannot read the saved page of label " + std::to_string(i + 1),
                               (training / "corpus" / item.file).string(),
                               "run training/check_persona.py " + persona);
    }
    const auto page = read::parse_page(*html);
    item.title = util::squeeze_spaces(page->title);
    item.snippet = snippet_of(*page);
    quiz.items.push_back(std::move(item));
  }
  if (quiz.items.empty()) {
    return util::input_error("the persona has no labels", labels_file.string());
  }
  return quiz;
}

std::vector<QuizItem> pick_items(const Quiz& quiz, std::uint64_t seed, std::size_t count)
{
  std::mt19937_64 rng(seed);
  // Four groups: each kind about the persona, and pages about someone else; taken in turn so
  // that a short quiz still asks about every kind and a namesake.
  std::vector<std::vector<const QuizItem*>> groups(4);
  for (const auto& item : quiz.items) {
    const std::size_t g = !*item.key.about_subject
                              ? 3
                              : static_cast<std::size_t>(
                                    std::find(k_kinds.begin(), k_kinds.end(), *item.key.kind)
                                    - k_kinds.begin());
    groups[g].push_back(&item);
  }
  for (auto& g : groups) {
    shuffle(g, rng);
  }
  if (count == 0 || count > quiz.items.size()) {
    count = quiz.items.size();
  }
  std::vector<QuizItem> out;
  for (std::size_t round = 0; out.size() < count; ++round) {
    for (auto& g : groups) {
      if (round < g.size() && out.size() < count) {
        out.push_back(*g[round]);
      }
    }
  }
  shuffle(out, rng);
  return out;
}

int Score::points() const
{
  int sum = 0;
  for (const auto& i : items) {
    sum += i.points();
  }
  return sum;
}

ItemScore score_item(std::size_t number, const QuizItem& item, const Answer& given)
{
  ItemScore s;
  s.number = number;
  s.item = &item;
  s.given = given;
  s.kind = given.kind == item.key.kind;
  s.about = given.about_subject == item.key.about_subject;
  s.exposes = given.exposes == item.key.exposes;
  s.action = given.action == item.key.action;
  return s;
}

nlohmann::ordered_json answer_sheet(const Quiz& quiz,
                                    const std::vector<QuizItem>& items,
                                    std::uint64_t seed,
                                    const std::string& lang,
                                    bool key)
{
  nlohmann::ordered_json sheet;
  sheet["schema"] = "empreinte/quiz-sheet/v1";
  sheet["persona"] = quiz.persona;
  sheet["seed"] = seed;
  sheet["lang"] = lang;
  sheet["how"] = tr(lang, "quiz.sheet_how");
  nlohmann::ordered_json choices;
  choices["kind"] = k_kinds;
  choices["about_subject"] = {true, false};
  choices["exposes"] = k_categories;
  choices["action"] = k_actions;
  sheet["choices"] = choices;
  sheet["items"] = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& it = items[i];
    nlohmann::ordered_json j;
    j["item"] = i + 1;
    j["page"] = it.file;
    j["site"] = it.site;
    j["title"] = it.title;
    j["snippet"] = it.snippet;
    if (key) {
      j["kind"] = *it.key.kind;
      j["about_subject"] = *it.key.about_subject;
      j["exposes"] = *it.key.exposes;
      j["action"] = *it.key.action;
      j["why"] = it.why_in(lang);
    } else {
      j["kind"] = nullptr;
      j["about_subject"] = nullptr;
      j["exposes"] = nullptr;
      j["action"] = nullptr;
    }
    sheet["items"].push_back(std::move(j));
  }
  return sheet;
}

util::Result<Score> score_sheet(const Quiz& quiz, const nlohmann::json& sheet, const std::string& source)
{
  util::JsonFields root(sheet, source, "");
  root.allow_only({"schema", "persona", "seed", "lang", "how", "choices", "items"});
  const auto schema = root.string("schema", true);
  const auto persona = root.string("persona", true);
  const auto* items = root.array("items", true);
  if (root.error()) {
    return *root.error();
  }
  if (schema != "empreinte/quiz-sheet/v1") {
    return util::input_error("not a quiz answer sheet (schema \"" + schema + "\")",
                             root.where("schema"),
                             "start from 'empreinte quiz --persona P --format json'");
  }
  if (persona != quiz.persona) {
    return util::input_error("the sheet is for persona \"" + persona + "\", not \"" + quiz.persona
                                 + "\"",
                             root.where("persona"), "give --persona " + persona);
  }
  Score score;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < items->size(); ++i) {
    const auto& j = (*items)[i];
    const std::string pointer = "/items/" + std::to_string(i);
    util::JsonFields f(j, source, pointer);
    f.allow_only({"item", "page", "site", "title", "snippet", "kind", "about_subject", "exposes",
                  "action", "why"});
    const long long number = f.integer("item", static_cast<long long>(i + 1), 1, 100000);
    const std::string page = f.string("page", true);
    if (f.error()) {
      return *f.error();
    }
    const std::string name = "item " + std::to_string(number);
    auto bad = [&](std::string what, std::string_view key, std::string hint) {
      return util::input_error(name + ": " + std::move(what), source + ": " + pointer + "/"
                                                                   + std::string(key),
                               std::move(hint));
    };
    const auto found = std::find_if(quiz.items.begin(), quiz.items.end(),
                                    [&](const QuizItem& q) { return q.file == page; });
    if (found == quiz.items.end()) {
      return bad("page \"" + page + "\" is not a trace of persona " + quiz.persona, "page",
                 "keep the items of the blank sheet as they are");
    }
    if (!seen.insert(page).second) {
      return bad("page \"" + page + "\" is answered twice", "page", "keep one answer per page");
    }
    Answer a;
    const auto value = [&](const char* key) -> const nlohmann::json* {
      const auto it = j.find(key);
      return it == j.end() || it->is_null() ? nullptr : &*it;
    };
    if (const auto* v = value("kind")) {
      if (!v->is_string() || !is_one_of(k_kinds, v->get<std::string>())) {
        return bad("kind " + v->dump() + " is not one of " + util::join(k_kinds, ", "), "kind",
                   "write one of them in quotes, or null to leave it unanswered");
      }
      a.kind = v->get<std::string>();
    }
    if (const auto* v = value("about_subject")) {
      if (!v->is_boolean()) {
        return bad("about_subject " + v->dump() + " is not true or false", "about_subject",
                   "write true or false (no quotes), or null");
      }
      a.about_subject = v->get<bool>();
    }
    if (const auto* v = value("exposes")) {
      if (!v->is_array()) {
        return bad("exposes " + v->dump() + " is not a list", "exposes",
                   "write a list of categories, [] for nothing, or null");
      }
      std::vector<std::string> cats;
      for (const auto& c : *v) {
        if (!c.is_string() || !is_one_of(k_categories, c.get<std::string>())) {
          return bad("exposes: " + c.dump() + " is not one of " + util::join(k_categories, ", "),
                     "exposes", "use the names in \"choices\"");
        }
        cats.push_back(c.get<std::string>());
      }
      std::sort(cats.begin(), cats.end());
      cats.erase(std::unique(cats.begin(), cats.end()), cats.end());
      a.exposes = std::move(cats);
    }
    if (const auto* v = value("action")) {
      if (!v->is_string() || !is_one_of(k_actions, v->get<std::string>())) {
        return bad("action " + v->dump() + " is not one of " + util::join(k_actions, ", "), "action",
                   "write one of them in quotes, or null");
      }
      a.action = v->get<std::string>();
    }
    score.items.push_back(score_item(static_cast<std::size_t>(number), *found, a));
  }
  if (score.items.empty()) {
    return util::input_error("the sheet has no items", source + ": /items",
                             "start from 'empreinte quiz --persona P --format json'");
  }
  return score;
}

} // namespace empreinte::training
