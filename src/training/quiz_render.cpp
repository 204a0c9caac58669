// The quiz on paper (an HTML worksheet and its key) and its scores as text and JSON.
#include "training/quiz.hpp"
#include "training/quiz_words.hpp"

#include "report/i18n.hpp"
#include "util/terminal.hpp"

#include <fmt/format.h>

namespace empreinte::training {

using report::tr;

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

} // namespace empreinte::training
