// Only traces about the person are listed one by one; namesakes get one line of counts (the
// JSON lists them all).
#include "history/diff_view.hpp"

#include "report/i18n.hpp"

#include <cmath>

namespace empreinte::history {

using report::tr;
using report::tr_or;

namespace {

std::string signed_number(int v)
{
  return v > 0 ? "+" + std::to_string(v) : v < 0 ? "\u2212" + std::to_string(-v) : "\u00b10";
}

std::string side_label(const AuditSide& s, const std::string& lang)
{
  const std::string date = s.generated_at.substr(0, 10);
  std::string out = s.run ? tr(lang, "diff.run", {std::to_string(*s.run), date})
                          : tr(lang, "diff.file", {s.file, date});
  if (!s.complete) {
    out += " (" + tr(lang, "diff.incomplete") + ")";
  }
  return out;
}

std::string exposed_list(const std::vector<Exposed>& items, const std::string& lang)
{
  std::string out;
  for (const auto& e : items) {
    out += (out.empty() ? "" : ", ") + tr_or(lang, "category." + e.category, e.category) +
           " \u201c" + e.text + "\u201d";
  }
  return out;
}

std::string families_list(const std::vector<std::string>& families, const std::string& lang)
{
  std::string out;
  for (const auto& f : families) {
    out += (out.empty() ? "" : ", ") + tr_or(lang, "family." + f, f);
  }
  return out;
}

std::string kind_word(const std::string& kind, const std::string& lang)
{
  return tr_or(lang, "kind_label." + kind, kind);
}

std::string risk_word(const std::string& risk, const std::string& lang)
{
  return risk.empty() ? std::string() : tr_or(lang, "risk." + risk, risk);
}

// "high risk · involuntary · found by: name, job".
std::string facts(const TraceState& s, const std::string& lang)
{
  std::string out = risk_word(s.risk, lang);
  if (!s.kind.empty()) {
    out += (out.empty() ? "" : " \u00b7 ") + kind_word(s.kind, lang);
  }
  if (!s.families.empty()) {
    out += (out.empty() ? "" : " \u00b7 ") +
           tr(lang, "diff.found_by", {families_list(s.families, lang)});
  }
  return out;
}

std::string percent(double v)
{
  return std::to_string(static_cast<int>(std::lround(v * 100)));
}

std::string yes_no(const std::optional<bool>& v, const std::string& lang)
{
  return !v ? tr(lang, "diff.unknown") : *v ? tr(lang, "diff.yes") : tr(lang, "diff.no");
}

DiffViewItem item_of(const TraceChange& t, const std::string& lang)
{
  DiffViewItem item;
  item.title = t.title.empty() ? t.url : t.title;
  item.url = t.url;
  item.risk = t.latest().risk;
  const TraceState& now = t.latest();
  switch (t.change) {
  case Change::added:
    item.sign = "+";
    item.details.push_back(facts(now, lang));
    if (!now.exposed.empty()) {
      item.details.push_back(tr(lang, "diff.exposes", {exposed_list(now.exposed, lang)}));
    }
    break;
  case Change::gone:
  case Change::not_seen:
    item.sign = t.change == Change::gone ? "-" : "?";
    item.details.push_back(facts(now, lang));
    if (t.change == Change::not_seen) {
      item.details.push_back(tr(lang, "diff.reason." + t.reason));
    }
    break;
  case Change::changed: {
    item.sign = "~";
    const TraceState& a = *t.before;
    const TraceState& b = *t.after;
    for (const auto& w : t.what) {
      if (w == "risk") {
        item.details.push_back(
            tr(lang, "diff.kind", {risk_word(a.risk, lang), risk_word(b.risk, lang)}));
      } else if (w == "kind") {
        item.details.push_back(
            tr(lang, "diff.kind", {kind_word(a.kind, lang), kind_word(b.kind, lang)}));
      } else if (w == "about") {
        item.details.push_back(tr(lang, "diff.about", {percent(a.about), percent(b.about)}));
      }
    }
    if (!t.exposed_added.empty()) {
      item.details.push_back(tr(lang, "diff.now_exposes", {exposed_list(t.exposed_added, lang)}));
    }
    if (!t.exposed_removed.empty()) {
      item.details.push_back(
          tr(lang, "diff.no_longer_exposes", {exposed_list(t.exposed_removed, lang)}));
    }
    break;
  }
  }
  return item;
}

} // namespace

DiffView view_of(const Diff& d, const std::string& lang)
{
  DiffView v;
  v.lang = lang;
  v.title = tr(lang, "diff.title", {d.name});
  v.sides = side_label(d.before, lang) + " \u2192 " + side_label(d.after, lang);
  if (!d.after.complete) {
    int failed = 0;
    int queries = 0;
    for (const auto& f : d.families) {
      failed += f.failed_after;
      queries += f.queries_after;
    }
    v.notes.push_back(
        tr(lang, "diff.after_incomplete", {std::to_string(failed), std::to_string(queries)}));
  }
  v.scores_heading = tr(lang, "report.scores");
  v.scores.emplace_back(tr(lang, "report.exposure"),
                        tr(lang,
                           "diff.score",
                           {std::to_string(d.before.exposure),
                            std::to_string(d.after.exposure),
                            signed_number(d.after.exposure - d.before.exposure)}));
  v.scores.emplace_back(tr(lang, "report.control"),
                        tr(lang,
                           "diff.score",
                           {std::to_string(d.before.control),
                            std::to_string(d.after.control),
                            signed_number(d.after.control - d.before.control)}));
  auto n = [](std::size_t x) { return std::to_string(x); };
  v.summary = tr(lang,
                 "diff.summary",
                 {n(d.count(Change::added, true)),
                  n(d.count(Change::gone, true)),
                  n(d.count(Change::not_seen, true)),
                  n(d.count(Change::changed, true)),
                  n(static_cast<std::size_t>(d.unchanged_about))});
  const std::size_t others_new = d.count(Change::added) - d.count(Change::added, true);
  const std::size_t others_gone = d.count(Change::gone) - d.count(Change::gone, true);
  const std::size_t others_unseen = d.count(Change::not_seen) - d.count(Change::not_seen, true);
  if (others_new + others_gone + others_unseen > 0) {
    v.namesakes = tr(lang, "diff.namesakes", {n(others_new), n(others_gone), n(others_unseen)});
  }
  if (d.traces.empty() && d.before.exposure == d.after.exposure &&
      d.before.control == d.after.control && d.findings.empty()) {
    v.nothing = tr(lang, "diff.nothing");
  }
  for (Change c : {Change::added, Change::changed, Change::gone, Change::not_seen}) {
    DiffViewSection section;
    section.change = change_name(c);
    for (const auto& t : d.traces) {
      const bool mine = (t.before && t.before->about_you()) || (t.after && t.after->about_you());
      if (t.change == c && mine) {
        section.items.push_back(item_of(t, lang));
      }
    }
    if (!section.items.empty()) {
      section.heading =
          tr(lang, std::string("diff.section.") + change_name(c), {n(section.items.size())});
      v.sections.push_back(std::move(section));
    }
  }
  v.families_heading = tr(lang, "diff.by_search");
  for (const auto& f : d.families) {
    if (f.queries_before == 0 && f.queries_after == 0) {
      continue;
    }
    std::string line =
        tr(lang,
           "diff.score",
           {std::to_string(f.before), std::to_string(f.after), signed_number(f.after - f.before)});
    if (f.added + f.gone + f.not_seen + f.changed > 0) {
      line += " \u00b7 " + tr(lang,
                              "diff.family_counts",
                              {std::to_string(f.added),
                               std::to_string(f.gone),
                               std::to_string(f.not_seen),
                               std::to_string(f.changed)});
    }
    if (f.failed_before + f.failed_after > 0) {
      line += " \u00b7 " + tr(lang,
                              "diff.family_failed",
                              {std::to_string(f.failed_before), std::to_string(f.failed_after)});
    }
    v.families.emplace_back(tr_or(lang, "family." + f.family, f.family), line);
  }
  v.findings_heading = tr(lang, "report.findings");
  for (const auto& f : d.findings) {
    v.findings.push_back(tr(lang, "diff.finding." + f.family + "." + f.key) +
                         std::string(report::colon(lang)) + yes_no(f.before, lang) + " \u2192 " +
                         yes_no(f.after, lang));
  }
  v.requests_heading = tr(lang, "diff.requests");
  for (const auto& r : d.requests) {
    const std::string right = tr_or(lang, "right." + r.right, r.right);
    const std::string state = tr(lang, "request_state." + r.state);
    v.requests.push_back(
        r.outcome.empty() ? tr(lang, "diff.request", {std::to_string(r.id), right, r.sent, state})
                          : tr(lang,
                               "diff.request_outcome",
                               {std::to_string(r.id),
                                right,
                                r.sent,
                                tr_or(lang, "outcome." + r.outcome, r.outcome),
                                state}));
  }
  return v;
}

} // namespace empreinte::history
