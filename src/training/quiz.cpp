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

std::string join(const std::vector<std::string>& list, std::string_view sep)
{
  std::string out;
  for (const auto& s : list) {
    out += (out.empty() ? "" : std::string(sep)) + s;
  }
  return out;
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

std::string tr(const std::string& lang, std::string_view key, const std::vector<std::string>& args = {})
{
  return report::tr(lang, key, args);
}

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
  return join(names, ", ");
}

std::string answer_text(const std::string& lang, const std::optional<std::string>& v,
                        std::string_view prefix)
{
  return v ? tr(lang, std::string(prefix) + *v) : tr(lang, "quiz.no_answer");
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
    quiz.persona_about = join(about, ", ");
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
      f.fail("unknown kind \"" + *item.key.kind + "\"", "kind", "use " + join(k_kinds, ", "));
    }
    for (const auto& s : sensitive) {
      if (!is_one_of(k_categories, s)) {
        f.fail("unknown data category \"" + s + "\"", "sensitive", "use " + join(k_categories, ", "));
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
        return bad("kind " + v->dump() + " is not one of " + join(k_kinds, ", "), "kind",
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
          return bad("exposes: " + c.dump() + " is not one of " + join(k_categories, ", "),
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
        return bad("action " + v->dump() + " is not one of " + join(k_actions, ", "), "action",
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

namespace {

int percent(int points, int max)
{
  return max > 0 ? (points * 100 + max / 2) / max : 0;
}

// Feedback on one item: each question right or wrong, the key and why.
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

} // namespace

std::string render_score_text(const Quiz& quiz, const Score& score, const std::string& lang)
{
  std::string out = tr(lang, "quiz.title", {quiz.persona_name}) + "\n\n";
  for (const auto& s : score.items) {
    out += fmt::format("{} {}: {} ({}/4)\n", tr(lang, "quiz.item_word"), s.number,
                       util::strip_controls(s.item->title), s.points());
    out += feedback_text(lang, s) + "\n";
  }
  return out + score_line(lang, score) + "\n";
}

nlohmann::ordered_json score_json(const Quiz& quiz, const Score& score)
{
  nlohmann::ordered_json j;
  j["schema"] = "empreinte/quiz-score/v1";
  j["persona"] = quiz.persona;
  j["points"] = score.points();
  j["max_points"] = score.max_points();
  j["items"] = nlohmann::ordered_json::array();
  for (const auto& s : score.items) {
    nlohmann::ordered_json i;
    i["item"] = s.number;
    i["page"] = s.item->file;
    i["points"] = s.points();
    i["right"] = {{"kind", s.kind}, {"about_subject", s.about}, {"exposes", s.exposes},
                  {"action", s.action}};
    i["key"] = {{"kind", *s.item->key.kind},
                {"about_subject", *s.item->key.about_subject},
                {"exposes", *s.item->key.exposes},
                {"action", *s.item->key.action}};
    i["why"] = s.item->why;
    if (!s.item->why_fr.empty()) {
      i["why_fr"] = s.item->why_fr;
    }
    j["items"].push_back(std::move(i));
  }
  return j;
}

namespace {

std::string esc(std::string_view text)
{
  std::string out;
  for (const char c : util::strip_controls(text)) {
    switch (c) {
    case '&': out += "&amp;"; break;
    case '<': out += "&lt;"; break;
    case '>': out += "&gt;"; break;
    case '"': out += "&quot;"; break;
    case '\'': out += "&#39;"; break;
    default: out += c;
    }
  }
  return out;
}

constexpr const char* k_style = R"(body{font:11pt/1.4 system-ui,sans-serif;max-width:48em;margin:1.5em auto;padding:0 1em;color:#111}
h1{font-size:1.5em;margin-bottom:.2em}
.meta,.page{color:#444;font-size:.9em}
.item{border:1px solid #999;border-radius:4px;padding:.6em .9em;margin:1em 0;break-inside:avoid}
.item h2{font-size:1.05em;margin:.1em 0 .4em}
blockquote{margin:.4em 0;padding-left:.7em;border-left:3px solid #bbb;color:#333}
ul.choices{list-style:none;padding-left:.3em;margin:.2em 0 .6em}
ul.choices.columns{columns:3}
ul.choices li::before{content:"\2610\00a0"}
.q{font-weight:600;margin:.4em 0 0}
table{border-collapse:collapse;width:100%;font-size:.92em}
th,td{border:1px solid #999;padding:.3em .4em;text-align:left;vertical-align:top}
.warning{font-weight:600}
@media print{body{margin:0;max-width:none}.item{page-break-inside:avoid}}
)";

} // namespace

std::string render_worksheet_html(const Quiz& quiz,
                                  const std::vector<QuizItem>& items,
                                  std::uint64_t seed,
                                  const std::string& lang,
                                  bool key)
{
  const std::string title =
      key ? tr(lang, "quiz.key_title", {quiz.persona_name}) : tr(lang, "quiz.worksheet_title", {quiz.persona_name});
  std::string out = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"referrer\" content=\"no-referrer\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
      "'unsafe-inline'\">\n<title>{}</title>\n<style>\n{}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
      lang == "fr" ? "fr" : "en", esc(title), k_style, esc(title));
  out += fmt::format("<p class=\"meta\">{}</p>\n",
                     esc(quiz.persona_about.empty() ? quiz.persona_name
                                                    : quiz.persona_name + " (" + quiz.persona_about + ")"));
  out += fmt::format("<p class=\"meta\">{}</p>\n",
                     esc(tr(lang, "quiz.sheet_note", {quiz.persona, std::to_string(seed),
                                                      std::to_string(items.size())})));
  if (key) {
    out += fmt::format("<p class=\"warning\">{}</p>\n", esc(tr(lang, "quiz.key_warning")));
    out += fmt::format("<table>\n<thead><tr><th>#</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th>"
                       "<th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
                       esc(tr(lang, "quiz.key.trace")), esc(tr(lang, "quiz.key.kind")),
                       esc(tr(lang, "quiz.key.about")), esc(tr(lang, "quiz.key.exposes")),
                       esc(tr(lang, "quiz.key.action")), esc(tr(lang, "quiz.why")));
    for (std::size_t i = 0; i < items.size(); ++i) {
      const auto& it = items[i];
      out += fmt::format("<tr><td>{}</td><td>{}<br><span class=\"page\">{}</span></td><td>{}</td>"
                         "<td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                         i + 1, esc(it.title), esc(it.site),
                         esc(tr(lang, "kind_label." + *it.key.kind)),
                         esc(yes_no(lang, *it.key.about_subject)),
                         esc(categories_text(lang, *it.key.exposes)),
                         esc(tr(lang, "quiz.action." + *it.key.action)), esc(it.why_in(lang)));
    }
    out += "</tbody>\n</table>\n</body>\n</html>\n";
    return out;
  }
  out += fmt::format("<p>{}</p>\n<p>{}</p>\n", esc(tr(lang, "quiz.intro", {quiz.persona_name})),
                     esc(tr(lang, "quiz.names_line")));
  const auto choices = [&](const std::vector<std::string>& options, bool columns) {
    std::string list = columns ? "<ul class=\"choices columns\">" : "<ul class=\"choices\">";
    for (const auto& o : options) {
      list += "<li>" + esc(o) + "</li>";
    }
    return list + "</ul>\n";
  };
  std::vector<std::string> kinds, cats, actions;
  for (const auto& k : k_kinds) {
    kinds.push_back(kind_choice(lang, k));
  }
  for (const auto& c : k_categories) {
    cats.push_back(tr(lang, "category." + c));
  }
  cats.push_back(tr(lang, "quiz.nothing_exposed"));
  for (const auto& a : k_actions) {
    actions.push_back(tr(lang, "quiz.action." + a));
  }
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& it = items[i];
    out += "<section class=\"item\">\n";
    out += fmt::format("<h2>{} {}{}{}</h2>\n", esc(tr(lang, "quiz.item_word")), i + 1,
                       esc(std::string(report::colon(lang))), esc(it.title));
    out += fmt::format("<p class=\"page\">{}{}{} · {}{}<code>{}</code></p>\n",
                       esc(tr(lang, "quiz.site")), esc(std::string(report::colon(lang))), esc(it.site),
                       esc(tr(lang, "quiz.saved_page")), esc(std::string(report::colon(lang))),
                       esc("training/corpus/" + it.file));
    out += fmt::format("<blockquote>{}</blockquote>\n", esc(it.snippet));
    out += fmt::format("<p class=\"q\">{}</p>\n", esc(tr(lang, "quiz.q.kind")));
    out += choices(kinds, false);
    out += fmt::format("<p class=\"q\">{}</p>\n", esc(tr(lang, "quiz.q.about", {quiz.persona_name})));
    out += choices({tr(lang, "quiz.yes"), tr(lang, "quiz.no")}, false);
    out += fmt::format("<p class=\"q\">{}</p>\n", esc(tr(lang, "quiz.q.exposes")));
    out += choices(cats, true);
    out += fmt::format("<p class=\"q\">{}</p>\n", esc(tr(lang, "quiz.q.action", {quiz.persona_name})));
    out += choices(actions, false);
    out += "</section>\n";
  }
  out += "</body>\n</html>\n";
  return out;
}

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
